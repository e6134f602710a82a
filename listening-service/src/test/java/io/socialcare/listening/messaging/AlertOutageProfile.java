package io.socialcare.listening.messaging;

import java.util.Map;

/**
 * The service with the producer of {@code alerts} behind a proxy that starts closed (mentions go to the broker
 * directly), and a small crisis threshold.
 */
public class AlertOutageProfile extends ProducerOutageProfile {

    public AlertOutageProfile() {
        super("alerts");
    }

    @Override
    protected Map<String, String> extraOverrides() {
        return Map.of("listening.crisis.min-count", "5");
    }
}
