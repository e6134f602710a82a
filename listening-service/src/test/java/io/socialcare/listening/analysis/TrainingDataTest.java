package io.socialcare.listening.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The model's training mentions are labelled like the other sets and share no text with them. */
class TrainingDataTest {

    private static final List<IntentModel.Sample> TRAINING = IntentModel.load(IntentModel.TRAINING);

    @Test
    void isLabelledWithTheContractsIntentsAndTheThreeLanguages() {
        assertTrue(TRAINING.size() >= 1000, "size " + TRAINING.size());
        for (IntentModel.Sample s : TRAINING) {
            assertTrue(IntentModel.INTENTS.contains(s.intent()), s.toString());
            assertTrue(LanguageModel.LANGUAGES.contains(s.language()), s.toString());
            assertTrue(!s.text().isBlank(), s.toString());
        }
        for (String intent : IntentModel.INTENTS) {
            assertTrue(TRAINING.stream().filter(s -> s.intent().equals(intent)).count() >= 100, intent);
        }
    }

    @Test
    void sharesNoTextWithTheDevelopmentSet() {
        Set<String> training = folded(TRAINING.stream().map(IntentModel.Sample::text).toList());
        List<String> shared = Evaluation.load("/analysis/development.jsonl").stream().map(Evaluation.Example::text)
                .filter(text -> training.contains(Text.foldPhrase(text))).toList();
        assertEquals(List.of(), shared);
    }

    @Test
    void sharesNoTextWithTheHeldOutEvaluationSet() {
        Set<String> training = folded(TRAINING.stream().map(IntentModel.Sample::text).toList());
        long shared = Evaluation.load("/analysis/evaluation.jsonl").stream()
                .filter(e -> training.contains(Text.foldPhrase(e.text()))).count();
        // only the count: the held-out texts are not to be read, not even in a failure message
        assertEquals(0, shared, "held-out mentions found in the training file");
    }

    private static Set<String> folded(List<String> texts) {
        Set<String> result = new HashSet<>();
        texts.forEach(text -> result.add(Text.foldPhrase(text)));
        return result;
    }
}
