package io.socialcare.listening.analysis;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Scores the analyser on the held-out labelled set {@code analysis/evaluation.jsonl} (written before the analyser
 * was run on it and never used for tuning; only its aggregate scores are ever looked at) and prints the scores and
 * the confusion matrix. The tuning set is {@code analysis/development.jsonl}; its scores (and its misses) are
 * printed too, but not asserted on. The intent model learns from a third file, {@code analysis/training.jsonl} in
 * the main resources, which shares no text with either ({@link TrainingDataTest}).
 */
@QuarkusTest
class AnalyserEvaluationTest {

    @Inject
    Analyser analyser;

    /** The agreed floors; {@link #doesNotFallBelowTheScoresItReachesToday} guards the scores reached (README). */
    @Test
    void scoresAboveTheAgreedFloorsOnTheHeldOutEvaluationSet() {
        Evaluation eval = new Evaluation("evaluation", Evaluation.load("/analysis/evaluation.jsonl"), analyser);
        System.out.println(eval.report(false));
        assertTrue(eval.size >= 300, "at least 300 labelled mentions");
        assertAll(
                () -> assertTrue(eval.languageAccuracy >= 0.95, "language accuracy " + eval.languageAccuracy),
                () -> assertTrue(eval.intentMacroF1 >= 0.80, "intent macro-F1 " + eval.intentMacroF1),
                () -> assertTrue(eval.sentimentAccuracy >= 0.80, "sentiment accuracy " + eval.sentimentAccuracy));
    }

    @Test
    void doesNotFallBelowTheScoresItReachesToday() {
        Evaluation eval = new Evaluation("evaluation", Evaluation.load("/analysis/evaluation.jsonl"), analyser);
        System.out.println(eval.report(false));
        assertTrue(eval.size >= 300, "at least 300 labelled mentions");
        assertAll(
                () -> assertTrue(eval.languageAccuracy >= 0.98, "language accuracy " + eval.languageAccuracy),
                () -> assertTrue(eval.intentMacroF1 >= 0.85, "intent macro-F1 " + eval.intentMacroF1),
                () -> assertTrue(eval.sentimentAccuracy >= 0.87, "sentiment accuracy " + eval.sentimentAccuracy));
    }

    @Test
    void printsTheDevelopmentSetScores() {
        Evaluation dev = new Evaluation("development", Evaluation.load("/analysis/development.jsonl"), analyser);
        System.out.println(dev.report(true));
        assertTrue(dev.size >= 400, "the development set is loaded");
    }

    @Test
    void aCustomerChasingASuggestionIsASuggestion() {
        assertEquals("suggestion",
                analyser.analyse("Sigo esperando la leche de almendras… ¿para cuándo?", null).intent());
    }
}
