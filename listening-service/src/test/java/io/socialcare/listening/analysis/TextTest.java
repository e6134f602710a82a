package io.socialcare.listening.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void foldsAccentsCaseApostrophesAndLongLetterRuns() {
        Text t = new Text("¡¡NOOOO!! Qué DESASTRE, I can't con la conexión 4G");
        assertEquals(List.of("no", "que", "desastre", "i", "cant", "con", "la", "conexion", "4g"), t.tokens);
        assertEquals(List.of("noooo", "qué", "desastre", "i", "cant", "con", "la", "conexión", "4g"), t.accented);
        assertEquals(List.of(true, false, true, false, false, false, false, false, false), t.shouted);
        assertEquals(" no que desastre i cant con la conexion 4g ", t.joined);
        assertEquals("llamar", Text.fold("LLAMAR"), "a double letter is kept");
        assertEquals("cao", Text.fold("ÇÃO"));
    }

    @Test
    void dropsLinksAndHandlesAndSplitsSentences() {
        Text t = new Text(
                "@acme_es mira https://acme.example/x?y=1 ¿por qué? Sin red; llamo mañana\notra línea www.acme.es");
        assertEquals(List.of("mira", "por", "que", "sin", "red", "llamo", "manana", "otra", "linea"), t.tokens);
        assertEquals(List.of(List.of("mira"), List.of("por", "que"), List.of("sin", "red"),
                List.of("llamo", "manana"), List.of("otra", "linea")), t.sentences);
        assertTrue(t.hasQuestionMark());
    }

    @Test
    void keepsEmojiAsSymbolsAndComposesDecomposedAccents() {
        Text t = new Text("Genial 🙃 cafe\u0301 ❤");
        assertEquals(List.of("genial", "cafe"), t.tokens);
        assertEquals(List.of("genial", "café"), t.accented);
        assertTrue(t.symbols.contains("🙃".codePointAt(0)));
        assertTrue(t.symbols.contains((int) '❤'));
    }

    @Test
    void handlesEmptyAndPunctuationOnlyTexts() {
        for (String text : new String[] {null, "", "   ", "?!...", "😀😀"}) {
            Text t = new Text(text);
            assertTrue(t.tokens.isEmpty(), String.valueOf(text));
            assertEquals("  ", t.joined);
            assertTrue(t.sentences.isEmpty());
        }
        assertEquals("que tal estas", Text.foldPhrase("¿Qué tal, estás?"));
        assertFalse(new Text("hola").hasQuestionMark());
    }
}
