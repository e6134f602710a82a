package io.socialcare.listening.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RulesTest {

    private static Rules.Tone tone(String text) {
        return Rules.sentiment(new Text(text));
    }

    @Test
    void emojiCountHalfAWordEachUpToTwo() {
        assertEquals(0.0, tone("Los churros de hoy").score());
        assertEquals(0.5, tone("Los churros de hoy 😍").positive());
        assertEquals(1.0, tone("Los churros de hoy 😍😍😍").positive(), "at most two count");
        assertEquals(-0.5, tone("Los churros de hoy 😡").negative());
    }

    @Test
    void anIronicEmojiTurnsPraiseWordsAround() {
        Rules.Tone plain = tone("Genial, los churros de hoy");
        Rules.Tone ironic = tone("Genial, los churros de hoy 🙃");
        assertTrue(plain.score() > 0 && !plain.ironic());
        assertTrue(ironic.score() < 0 && ironic.ironic());
    }

    @Test
    void readsAProblemInTheLastWordAndQuestionsAboutHowLong() {
        assertTrue(Rules.statedProblem(new Text("¿Para qué tenéis un chat si nunca contesta nadie?")));
        assertFalse(Rules.statedProblem(new Text("¿Cuánto tarda un envío a Mallorca?")));
        assertEquals(0.0, tone("¿Cuánto tarda un envío a Mallorca?").score(), "'tarda' asks, it does not complain");
        assertTrue(Rules.whyNot(new Text("Why do I need to visit a branch for this?")));
    }
}
