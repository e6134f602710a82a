package io.socialcare.feedback.service;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import org.junit.jupiter.api.Test;

/**
 * Theme quality on the suite demo's own texts (fixtures/aurora-demo-suggestions.json, copied from suite-cli's
 * DemoData, with the intent and topics listening-service's analyser gives them), and on paraphrases that are not
 * in the demo, so that the grouping is not tuned to eleven sentences.
 */
@QuarkusTest
class ThemeQualityTest {

    record Fixture(String key, String channel, String authorId, String handle, String intent, List<String> topics,
            String text) {
    }

    @Test
    void theDemoSuggestionsMakeOneThemePerIdeaAcrossLanguagesWithoutTheBrandName() throws Exception {
        String brand = Mentions.uniqueBrand("aurora");
        List<Fixture> fixtures;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/aurora-demo-suggestions.json")) {
            fixtures = Mentions.JSON.readValue(in, new TypeReference<List<Fixture>>() { });
        }
        Map<String, String> mentionIds = new HashMap<>();
        Instant start = Instant.now().minusSeconds(3600);
        int sent = 0;
        for (Fixture f : fixtures) {
            String id = Mentions.of(brand).channel(f.channel()).author(f.authorId()).handle(f.handle())
                    .intent(f.intent()).topics(f.topics().toArray(String[]::new)).text(f.text())
                    .at(start.plusSeconds(60L * sent)).send();
            mentionIds.put(id, f.key());
            int expected = ++sent;
            // in the demo's order, as the demo posts them one after the other
            await().atMost(Duration.ofSeconds(20)).until(() -> Api.counted(brand) == expected);
        }

        Map<Set<String>, Map<String, Object>> themes = themesByMembers(brand, mentionIds);
        assertThat(themes.keySet(), containsInAnyOrder(
                Set.of("sofia-ig-1", "raul-x-1", "kate-x-1", "sofia-ig-2", "joao-ig-1"),
                Set.of("nuria-x-1", "ben-ig-1", "marta-blog-1"),
                Set.of("ivan-x-1", "olivia-x-1"),
                Set.of("leo-x-1")));

        Map<String, Object> almond = themes.get(Set.of("sofia-ig-1", "raul-x-1", "kate-x-1", "sofia-ig-2", "joao-ig-1"));
        assertThat(Api.intValue(almond, "mentions"), equalTo(5));
        assertThat("Sofía counts once", Api.intValue(almond, "customers"), equalTo(4));
        assertThat(almond.get("title"), equalTo("Leche de almendras"));
        assertThat(Api.intValue(themes.get(Set.of("nuria-x-1", "ben-ig-1", "marta-blog-1")), "customers"), equalTo(3));
        assertThat(Api.intValue(themes.get(Set.of("ivan-x-1", "olivia-x-1")), "customers"), equalTo(2));

        for (Map<String, Object> theme : themes.values()) {
            String title = (String) theme.get("title");
            assertThat(title.toLowerCase(Locale.ROOT), not(containsString("aurora")));
            assertThat(title.toLowerCase(Locale.ROOT), not(containsString("café")));
            assertThat(title.split(" ").length, lessThanOrEqualTo(5));
            @SuppressWarnings("unchecked")
            List<String> keywords = (List<String>) theme.get("keywords");
            assertThat(keywords, everyItem(not(containsString("aurora"))));
            assertThat(keywords, everyItem(not(equalTo("coffee"))));
        }
    }

    /** Pairs of paraphrases (es/en/pt) that must meet in one theme; none of them in the demo. */
    static final List<List<String>> PAIRS = List.of(
            List.of("Deberían abrir los domingos por la mañana", "Please open on Sunday mornings"),
            List.of("Ojalá tuvieran opciones sin gluten para celíacos", "Would love gluten free options for celiacs"),
            List.of("Sería genial poder pagar con tarjeta en la app", "Seria ótimo poder pagar com cartão no aplicativo"),
            List.of("Me gustaría que hubiera wifi gratis en las tiendas", "Free wifi in the stores would be great"),
            List.of("Deberían poner enchufes en las mesas para cargar el móvil",
                    "Please add plugs at the tables to charge my phone"),
            List.of("Ojalá tuvieran más opciones veganas en el menú", "Gostaria de mais opções veganas no cardápio"),
            List.of("Podrían hacer un programa de puntos para clientes frecuentes",
                    "A loyalty points program for regular customers would be nice"),
            List.of("Deberían vender el café en grano para llevar a casa", "You should sell your coffee beans to take home"),
            List.of("Que la app tenga modo oscuro", "Please add a dark mode to the app"),
            List.of("Deberían tener pajitas de papel en vez de plástico", "Paper straws instead of plastic ones please"),
            List.of("Deberían abrir hasta más tarde por la noche", "Please stay open later at night"),
            List.of("Ojalá vendieran zumo de naranja natural", "I wish you had fresh orange juice"));

    /** Suggestions about other things, which must each stay alone. */
    static final List<String> UNRELATED = List.of(
            "Deberían poner la música más baja",
            "Please add a kids menu",
            "Sería genial tener parking para bicis",
            "Please bring back the pumpkin spice latte",
            "Deveriam ter mais cadeiras no terraço",
            "Would be great to have gift cards",
            "Podrían añadir notificaciones cuando el pedido esté listo");

    @Test
    void paraphrasesMeetAndUnrelatedSuggestionsStayApart() {
        String brand = Mentions.uniqueBrand("quality");
        Map<String, String> mentionIds = new LinkedHashMap<>();
        int i = 0;
        // first one side of every pair and the unrelated ones, then the other side (order-independent either way)
        for (int side = 0; side < 2; side++) {
            for (List<String> pair : PAIRS) {
                String text = pair.get((PAIRS.indexOf(pair) + side) % 2);
                mentionIds.put(Mentions.of(brand).author("pair-" + i).text(text).send(), "pair-" + PAIRS.indexOf(pair));
                i++;
            }
            if (side == 0) {
                for (String text : UNRELATED) {
                    mentionIds.put(Mentions.of(brand).author("alone-" + i).text(text).send(),
                            "alone-" + UNRELATED.indexOf(text));
                    i++;
                }
            }
            int total = i;
            await().atMost(Duration.ofSeconds(30)).until(() -> Api.themes(brand).stream()
                    .mapToInt(t -> Api.intValue(t, "mentions")).sum() == total);
        }

        Set<Set<String>> groups = new HashSet<>();
        for (Set<String> members : themesByMembers(brand, mentionIds).keySet()) {
            groups.add(Set.copyOf(new HashSet<>(members)));
        }
        Set<Set<String>> expected = new HashSet<>();
        for (int p = 0; p < PAIRS.size(); p++) {
            expected.add(Set.of("pair-" + p));
        }
        for (int u = 0; u < UNRELATED.size(); u++) {
            expected.add(Set.of("alone-" + u));
        }
        assertThat(groups, equalTo(expected));
        assertThat(Api.themes(brand), hasSize(PAIRS.size() + UNRELATED.size()));
    }

    /** The brand's themes keyed by the fixture keys of the mentions they contain (from the detail's samples). */
    private static Map<Set<String>, Map<String, Object>> themesByMembers(String brand, Map<String, String> keys) {
        Map<Set<String>, Map<String, Object>> byMembers = new HashMap<>();
        for (Map<String, Object> theme : Api.themes(brand)) {
            JsonPath detail = Api.theme(brand, (String) theme.get("id"));
            Set<String> members = new HashSet<>();
            for (String mentionId : detail.getList("samples.mentionId", String.class)) {
                members.add(keys.get(mentionId));
            }
            byMembers.put(members, theme);
        }
        return byMembers;
    }
}
