package io.socialcare.response;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with x, facebook and instagram on a {@link ChannelStub} (platform APIs with a read side and faults) and
 * our accounts there, so that a post whose outcome is unknown is looked up. Webhook channels stay on the channel
 * sandbox.
 */
public class ChannelStubProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        ChannelStub stub = ChannelStub.shared();
        Map<String, String> config = new HashMap<>();
        config.put("channels.x.url", stub.baseUrl() + "/x");
        config.put("channels.x.account", ChannelStub.X_ACCOUNT);
        config.put("channels.facebook.url", stub.baseUrl() + "/facebook");
        config.put("channels.facebook.account", ChannelStub.FACEBOOK_PAGE);
        config.put("channels.instagram.url", stub.baseUrl() + "/instagram");
        config.put("channels.instagram.account", ChannelStub.INSTAGRAM_ACCOUNT);
        return config;
    }
}
