package io.socialcare.response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.socialcare.stack.ChannelSandbox;

/**
 * A channel sandbox (the local stand-in for the networks) shared by every test of the JVM, with every channel's
 * {@code channels.<channel>.url} pointing at {@code <sandbox>/<channel>}.
 */
public class SandboxResource implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "test-webhook-secret";
    public static final List<String> CHANNELS = List.of("x", "facebook", "instagram", "youtube", "tiktok",
            "linkedin", "blog", "forum", "review", "partner");

    private static ChannelSandbox sandbox;

    public static synchronized ChannelSandbox sandbox() {
        if (sandbox == null) {
            try {
                sandbox = ChannelSandbox.start(0, null);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the channel sandbox", e);
            }
            ChannelSandbox started = sandbox;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-sandbox-shutdown"));
        }
        return sandbox;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String channel : CHANNELS) {
            config.put("channels." + channel + ".url", sandbox().baseUrl() + "/" + channel);
            if (!channel.equals("x") && !channel.equals("facebook") && !channel.equals("instagram")) {
                config.put("channels." + channel + ".secret", SECRET);
            }
        }
        config.put("channels.x.token", "test-x-token");
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }
}
