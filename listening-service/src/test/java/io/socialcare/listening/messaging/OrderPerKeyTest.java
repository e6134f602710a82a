package io.socialcare.listening.messaging;

import static io.socialcare.listening.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.opentelemetry.context.Context;
import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.contract.MentionEvent;
import io.socialcare.listening.TopicReader;
import io.socialcare.listening.repository.MentionRepository;
import io.socialcare.listening.repository.OutboxRepository;
import io.socialcare.listening.repository.OutboxRepository.Entry;
import org.junit.jupiter.api.Test;

/**
 * The ordering check of the publisher: a mention whose key had a failed send is not sent while an older outbox
 * entry still holds that key, but left in its own entry for the relay; a key no older entry holds is sent at once
 * and forgotten.
 */
@QuarkusTest
class OrderPerKeyTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    MentionPublisher publisher;

    @Inject
    OutboxRepository outbox;

    @Inject
    MentionRepository mentions;

    private static MentionEvent mention(String brand, String author, String text) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new MentionEvent(UUID.randomUUID().toString(), brand, "x", unique("tw"), "thread", null,
                new MentionEvent.Author(author, "@" + author, null), text, null, now, null, null, now,
                new MentionEvent.Analysis("es", new MentionEvent.Sentiment("neutral", 0.0), "other", "low", List.of()));
    }

    private Entry store(MentionEvent m, Instant leaseUntil) {
        Entry entry = outbox.create(OutboxRepository.items(List.of(m)), Instant.now(), leaseUntil)
                .await().atMost(WAIT);
        assertEquals(Set.of(), mentions.insertAll(List.of(m), "api").await().atMost(WAIT));
        return entry;
    }

    private boolean inOutbox(MentionEvent m) {
        return !outbox.findByMention(m.id()).await().atMost(WAIT).isEmpty();
    }

    @Test
    void aMentionOfAHeldKeyWaitsBehindTheOlderEntryThenTheRelaySendsIt() {
        String brand = unique("brand");
        MentionEvent older = mention(brand, "u-held", "first");
        MentionEvent newer = mention(brand, "u-held", "second");
        // the older one is still being sent elsewhere (leased for a while), after a failed send of its key
        Entry olderEntry = store(older, Instant.now().plusSeconds(3600));
        publisher.hold(List.of(OutboxRepository.key(older)));
        Entry newerEntry = store(newer, Instant.now().plusSeconds(10));

        try (TopicReader reader = new TopicReader("mentions")) {
            publisher.publish(newerEntry, List.of(newer), m -> Context.root()).await().atMost(WAIT);
            // not sent: kept in its entry, handed to the relay, which passes it over while the older entry is leased
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertTrue(inOutbox(newer), "the newer mention left the outbox");
                assertEquals(0, reader.containing(newer.id()).size(), "sent before the older one");
            });

            // the older one went through: the relay sends the newer one, exactly once
            outbox.delete(olderEntry.id()).await().atMost(WAIT);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertEquals(1, reader.containing(newer.id()).size());
                assertTrue(!inOutbox(newer), "still in the outbox");
            });
        }
    }

    @Test
    void aHeldKeyThatNoOlderEntryHoldsIsSentAtOnceAndForgotten() {
        String brand = unique("brand");
        MentionEvent first = mention(brand, "u-free", "first");
        publisher.hold(List.of(OutboxRepository.key(first)));
        Entry entry = store(first, Instant.now().plusSeconds(3600));

        try (TopicReader reader = new TopicReader("mentions")) {
            publisher.publish(entry, List.of(first), m -> Context.root()).await().atMost(WAIT);
            assertTrue(!inOutbox(first), "the entry was not settled");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(
                    () -> assertEquals(1, reader.containing(first.id()).size()));

            // forgotten: even with an older entry of the same key around, the next one is sent directly now
            MentionEvent blocker = mention(brand, "u-free", "blocker");
            Entry blockerEntry = store(blocker, Instant.now().plusSeconds(3600));
            MentionEvent next = mention(brand, "u-free", "next");
            Entry nextEntry = store(next, Instant.now().plusSeconds(3600));
            publisher.publish(nextEntry, List.of(next), m -> Context.root()).await().atMost(WAIT);
            assertTrue(!inOutbox(next), "a key that was released was checked again");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(
                    () -> assertEquals(1, reader.containing(next.id()).size()));
            outbox.delete(blockerEntry.id()).await().atMost(WAIT);
        }
    }
}
