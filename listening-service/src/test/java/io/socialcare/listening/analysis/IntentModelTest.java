package io.socialcare.listening.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class IntentModelTest {

    private static final List<IntentModel.Sample> TRAINING = IntentModel.load(IntentModel.TRAINING);

    @Test
    void trainsTheSameWeightsEveryTime() {
        IntentModel first = IntentModel.train(TRAINING);
        IntentModel second = IntentModel.train(TRAINING);
        for (String text : List.of("Llevo tres días sin internet", "¿Abrís el domingo?", "lol", "")) {
            int[] features = Features.of(new Text(text));
            double[] p = first.probabilities(features);
            assertArrayEquals(p, second.probabilities(features), text);
            assertEquals(1.0, p[0] + p[1] + p[2] + p[3] + p[4], 1e-9, text);
        }
    }

    @Test
    void readsItsOwnTrainingMentions() {
        IntentModel model = IntentModel.train(TRAINING);
        int right = 0;
        for (IntentModel.Sample s : TRAINING) {
            double[] p = model.probabilities(Features.of(new Text(s.text())));
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                best = p[k] > p[best] ? k : best;
            }
            right += IntentModel.INTENTS.get(best).equals(s.intent()) ? 1 : 0;
        }
        // a fit, not a measure of quality (that is the development and evaluation sets' job)
        assertTrue(right > 0.9 * TRAINING.size(), right + " of " + TRAINING.size());
    }

    @Test
    void learnsFromItsTrainingDataNotFromTheRulesAlone() {
        IntentModel trained = IntentModel.train(TRAINING);
        IntentModel empty = IntentModel.train(List.of());
        int[] features = Features.of(new Text("Me han cobrado dos veces la factura"));
        double[] p = trained.probabilities(features);
        assertTrue(p[0] > 0.5, "complaint: " + p[0]);
        assertArrayEquals(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, empty.probabilities(features), 1e-9);
    }

    @Test
    void theLanguageModelTellsTheThreeLanguagesApartWithoutProfileWords() {
        LanguageModel model = LanguageModel.train(TRAINING);
        assertEquals(Analyser.UNDETERMINED, Rules.detect(new Text("Atendimento impecável, equipe atenciosa")));
        assertEquals("pt", model.language(new Text("Atendimento impecável, equipe atenciosa")));
        assertEquals("es", model.language(new Text("Atención impecable, equipo atento")));
        assertEquals("en", model.language(new Text("Awesome staff, quick checkout")));
    }
}
