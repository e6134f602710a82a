package io.socialcare.feedback.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.socialcare.commons.messaging.Events;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.ThemeShippedEvent;
import io.socialcare.feedback.Contribution;
import io.socialcare.feedback.Theme;
import io.socialcare.feedback.config.FeedbackConfig;
import io.socialcare.feedback.repository.ContributionRepository;
import io.socialcare.feedback.repository.ThemeRepository;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes {@code theme.shipped} on {@code feedback} (key: theme id) from the theme document, used as an outbox:
 * the PATCH that ships a theme stores {@code shipment: pending}, publishes, then stores {@code published}. A relay
 * picks up what stayed pending (Kafka down, crash). Every copy carries the same {@code ce_id}, derived from the
 * theme id, so that a consumer can drop a copy published twice after a crash.
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

    /** Publishes the event of a theme whose shipment is due; a failure is logged and left to the relay. */
    public Uni<Void> publish(Theme theme, String note) {
        return contributors(theme.id())
                .chain(contributors -> {
                    Instant at = Instant.now();
                    ThemeShippedEvent event = new ThemeShippedEvent(theme.id(), theme.brand(), theme.title(),
                            theme.product(), note, contributors, at);
                    return emitter.sendMessage(Events.message(event, theme.id(), EventTypes.THEME_SHIPPED,
                            config.eventSource(), eventId(theme.id()), at));
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
                .chain(theme -> theme == null ? Uni.createFrom().voidItem()
                        : publish(theme, theme.note()).chain(this::relay));
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
