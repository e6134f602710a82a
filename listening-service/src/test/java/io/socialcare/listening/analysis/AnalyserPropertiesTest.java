package io.socialcare.listening.analysis;

import java.util.List;
import java.util.Set;

import io.socialcare.contract.MentionEvent.Analysis;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the text, the analysis is well formed and the same each time. */
class AnalyserPropertiesTest {

    private static final Analyser ANALYSER = new Analyser();
    private static final List<String> WORDS = List.of("no", "funciona", "genial", "¿por", "qué?", "gracias",
            "otra", "vez", "sin", "conexión", "deberían", "añadir", "me", "encanta", "love", "the", "app", "why",
            "não", "chegou", "obrigado", "😡", "🙃", "😍", "!!!", "?", "@marca", "https://x.example/a", "LLEVO", "3",
            "días", "maravilla", ",", "...", "kkkk", "jajaja", "pedido", "factura", "urgente", "abogado");

    @Property(tries = 300)
    void anyTextGetsAWellFormedAnalysis(@ForAll("texts") String text) {
        Analysis a = ANALYSER.analyse(text, null, List.of("marca", "fibra max"), Set.of("marca"));
        check(Set.of("es", "en", "pt", Analyser.UNDETERMINED).contains(a.language()), a);
        check(IntentModel.INTENTS.contains(a.intent()), a);
        check(Set.of("low", "normal", "high", "critical").contains(a.urgency()), a);
        double score = a.sentiment().score();
        check(score >= -1 && score <= 1, a);
        check(a.sentiment().label().equals(score >= 0.2 ? "positive" : score <= -0.2 ? "negative" : "neutral"), a);
        check(!a.topics().contains("marca"), a);
        check(a.equals(ANALYSER.analyse(text, null, List.of("marca", "fibra max"), Set.of("marca"))), a);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> wordy = Arbitraries.of(WORDS).list().ofMaxSize(25).map(words -> String.join(" ", words));
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(200);
        return Arbitraries.oneOf(wordy, wordy, noise);
    }

    private static void check(boolean condition, Analysis analysis) {
        if (!condition) {
            throw new AssertionError(analysis.toString());
        }
    }
}
