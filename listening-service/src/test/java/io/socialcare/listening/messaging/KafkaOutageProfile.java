package io.socialcare.listening.messaging;

/**
 * The service with the producer of {@code mentions} behind a proxy that starts closed.
 */
public class KafkaOutageProfile extends ProducerOutageProfile {

    public KafkaOutageProfile() {
        super("mentions");
    }
}
