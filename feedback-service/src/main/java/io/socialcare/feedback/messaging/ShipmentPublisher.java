package io.socialcare.feedback.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.socialcare.commons.messaging.Events;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.ThemeShippedEvent;
import io.socialcare.feedback.Contribution;
import io.socialcare.feedback.Theme;
import io.socialcare.feedback.config.FeedbackConfig;
import io.socialcare.feedback.repository.ContributionRepository;
import io.socialcare.feedback.repository.ThemeRepository;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes {@code theme.shipped} on {@code feedback} (key: theme id) from the theme document, used as an outbox:
 * the PATCH that ships a theme stores {@code shipment: pending}, publishes, then stores {@code published}. A relay
 * picks up what stayed pending (Kafka down, crash). Every copy carries the same {@code ce_id}, derived from the
 * theme id, so that a consumer can drop a copy published twice after a crash. The record continues the trace of the
 * request that shipped the theme (its {@code traceparent} is stored with the shipment).
 */
@ApplicationScoped
public class ShipmentPublisher {

    private final MutinyEmitter<ThemeShippedEvent> emitter;
    private final ThemeRepository themes;
    private final ContributionRepository contributions;
    private final FeedbackConfig config;

    public ShipmentPublisher(@Channel(EventTypes.TOPIC_FEEDBACK) MutinyEmitter<ThemeShippedEvent> emitter,
            ThemeRepository themes, ContributionRepository contributions, FeedbackConfig config) {
        this.emitter = emitter;
        this.themes = themes;
        this.contributions = contributions;
        this.config = config;
    }

    /**
     * Publishes the event of a theme whose shipment is due, as a child of the span {@code traceparent} names (the
     * request that shipped the theme), also when the relay publishes it later; a failure is logged and left to the
     * relay.
     */
    public Uni<Void> publish(Theme theme, String note, String traceparent) {
        return contributors(theme.id())
                .chain(contributors -> {
                    Instant at = Instant.now();
                    ThemeShippedEvent event = new ThemeShippedEvent(theme.id(), theme.brand(), theme.title(),
                            theme.product(), note, contributors, at);
                    Message<ThemeShippedEvent> message = Events.message(event, theme.id(), EventTypes.THEME_SHIPPED,
                            config.eventSource(), eventId(theme.id()), at);
                    Context cause = Traces.parentOf(traceparent);
                    if (cause != null) {
                        message = message.addMetadata(TracingMetadata.withCurrent(cause));
                    }
                    return emitter.sendMessage(message);
                })
                .chain(() -> themes.markShipmentPublished(theme.id()))
                .invoke(() -> Log.infof("Published theme.shipped for theme %s", theme.id()))
                .onFailure().recoverWithUni(f -> {
                    Log.warnf("theme.shipped for theme %s not published yet (%s); the relay will retry", theme.id(),
                            f.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Re-publishes shipments that stayed pending. */
    @Scheduled(every = "${feedback.relay-every:10s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return themes.claimPendingShipment(Instant.now().minus(config.relayAfter()))
                .chain(pending -> pending == null ? Uni.createFrom().voidItem()
                        : publish(pending.theme(), pending.theme().note(), pending.traceparent()).chain(this::relay));
    }

    /** One contributor per customer: the first mention each customer made, in the channel and thread used. */
    Uni<List<ThemeShippedEvent.Contributor>> contributors(String themeId) {
        Set<String> seen = new HashSet<>();
        return contributions.ofTheme(themeId)
                .select().where(c -> seen.add(c.customerKey()))
                .map(ShipmentPublisher::contributor)
                .collect().asList();
    }

    static ThemeShippedEvent.Contributor contributor(Contribution c) {
        return new ThemeShippedEvent.Contributor(c.customerKey(), c.mentionId(), c.channel(), c.externalId(),
                c.threadId(), c.authorHandle(), c.authorName());
    }

    static String eventId(String themeId) {
        return UUID.nameUUIDFromBytes((EventTypes.THEME_SHIPPED + ":" + themeId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
