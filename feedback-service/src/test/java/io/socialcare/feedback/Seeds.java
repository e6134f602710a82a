package io.socialcare.feedback;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.socialcare.feedback.repository.ContributionRepository;
import io.socialcare.feedback.repository.ThemeRepository;
import io.socialcare.feedback.service.FeedbackIngest;

/**
 * Themes written straight into the store, in the shape the consumer writes them (one contribution, its customer
 * pair, the theme with its aggregates and sample), for tests that need themes at once rather than through Kafka.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A theme of {@code brand} with one contribution of {@code customer}; answers its id. */
    public static String theme(ThemeRepository themes, ContributionRepository contributions, String brand,
            String title, List<String> terms, String customer) {
        String themeId = UUID.randomUUID().toString();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        Contribution c = new Contribution("m-" + UUID.randomUUID(), themeId, brand, "x:" + customer, "x",
                "thread-" + customer, "ext-" + customer, customer, "@" + customer, customer, title, 0.2, "suggestion",
                null, terms, at);
        Map<String, Integer> termCounts = new LinkedHashMap<>();
        terms.forEach(t -> termCounts.put(t, 1));
        Theme theme = new Theme(themeId, brand, title, null, ThemeStatus.NEW, null, termCounts, 1, 1, Map.of("x", 1),
                0.2, at, at, Map.of(FeedbackIngest.weekOf(at), 1),
                FeedbackIngest.heat(at), null, null, at, at);
        contributions.insert(c).await().indefinitely();
        contributions.markApplied(c.mentionId()).await().indefinitely();
        themes.addCustomer(themeId, c.customerKey()).await().indefinitely();
        themes.insert(theme, c).await().indefinitely();
        return themeId;
    }
}
