package io.socialcare.feedback.service;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NearDuplicateTest {

    @Inject
    TermExtractor extractor;

    @Test
    void paraphrasesInSpanishEnglishAndPortugueseMakeOneThemeEach() {
        String brand = Mentions.uniqueBrand("dedup");
        List<String> almondMilk = List.of(
                "Deberían ofrecer leche de almendras en todas las tiendas",
                "Please add almond milk as an option!",
                "Me encantaría que tuvieran leche de almendra 🙏",
                "Would love almond milk in my latte",
                "¿Para cuándo leche de almendras? La de soja no me sienta bien",
                "Seria ótimo ter leite de amêndoas",
                "ALMOND MILK PLEASE @brand");
        List<String> sundays = List.of(
                "Deberían abrir más temprano los domingos",
                "Please open earlier on Sundays",
                "Los domingos abren muy tarde, ojalá abrieran antes");
        int i = 0;
        for (String text : almondMilk) {
            Mentions.of(brand).author("almond-" + i++).text(text).send();
        }
        for (String text : sundays) {
            Mentions.of(brand).author("sunday-" + i++).text(text).send();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> Api.themes(brand).stream()
                .mapToInt(t -> Api.intValue(t, "mentions")).sum() == almondMilk.size() + sundays.size());
        List<Map<String, Object>> themes = Api.themes(brand);
        assertThat(themes.stream().map(t -> Api.intValue(t, "mentions")).toList(),
                containsInAnyOrder(almondMilk.size(), sundays.size()));
    }

    @Test
    void theLexiconBringsTheThreeLanguagesToTheSameTerms() {
        assertThat(extractor.terms("Leche de almendras", List.of()), hasItems("milk", "almond"));
        assertThat(extractor.terms("leite de amêndoa", List.of()), hasItems("milk", "almond"));
        assertThat(extractor.terms("Almond milk, please!", List.of()), hasItems("milk", "almond"));
        assertThat(extractor.terms("Las tiendas", List.of()), containsInAnyOrder("store"));
        assertThat(extractor.terms("Deberían ofrecer", List.of()), containsInAnyOrder());
    }
}
