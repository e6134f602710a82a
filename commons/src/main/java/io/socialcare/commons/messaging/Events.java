package io.socialcare.commons.messaging;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds outgoing records with the contract's key and CloudEvents headers ({@code ce_type}, {@code ce_id},
 * {@code ce_source}, {@code ce_time}).
 */
public final class Events {

    private Events() {
    }

    public static <T> Message<T> message(T payload, String key, String type, String source) {
        return message(payload, key, type, source, UUID.randomUUID().toString(), Instant.now());
    }

    public static <T> Message<T> message(T payload, String key, String type, String source, String id, Instant time) {
        return Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(id)
                        .withType(type)
                        .withSource(URI.create(source))
                        .withTimestamp(time.atZone(ZoneOffset.UTC))
                        .build());
    }
}
