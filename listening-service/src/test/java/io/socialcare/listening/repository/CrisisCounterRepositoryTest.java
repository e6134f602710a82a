package io.socialcare.listening.repository;

import static io.socialcare.listening.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CrisisCounterRepositoryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    CrisisCounterRepository counters;

    @Test
    void countsWithIncrementsTakesBackAndRemovesOnlyExpiredBuckets() {
        String brand = unique("brand");
        String old = CrisisCounterRepository.minuteId(brand, 1);
        String current = CrisisCounterRepository.minuteId(brand, 2);
        Instant now = Instant.now();
        counters.add(Map.of(old, now.minusSeconds(1)), 3).await().atMost(WAIT);
        counters.add(Map.of(current, now.plusSeconds(600)), 2).await().atMost(WAIT);
        counters.add(Map.of(current, now.plusSeconds(600)), 5).await().atMost(WAIT);
        counters.add(Map.of(current, now.plusSeconds(600)), -1).await().atMost(WAIT);
        assertEquals(Map.of(old, 3L, current, 6L), counters.counts(List.of(old, current, "missing")).await()
                .atMost(WAIT));

        counters.deleteExpired(now).await().atMost(WAIT);

        assertEquals(Map.of(current, 6L), counters.counts(List.of(old, current)).await().atMost(WAIT));
    }
}
