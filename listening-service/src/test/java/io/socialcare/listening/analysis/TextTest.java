package io.socialcare.listening.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
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

    @Test
    void indexesTheDistinctWordsAndWhereEachOccurs() {
        Text t = new Text("NO va, no VA. ¡NOOOO! Pero qué... can't, cant, ''");
        assertEquals(List.of("no", "va", "no", "va", "no", "pero", "que", "cant", "cant"), t.tokens);
        assertEquals(List.of("no", "va", "pero", "que", "cant"), t.distinct);
        assertEquals(List.of(0, 1, 0, 1, 0, 2, 3, 4, 4), Arrays.stream(t.ids).boxed().toList());
        assertEquals(List.of(0, 2, 4), occurrences(t, 0));
        assertEquals(List.of(7, 8), occurrences(t, 4));
        assertEquals(List.of("no", "va", "noooo", "pero", "qué", "cant"), t.accentedDistinct);
        assertEquals(List.of(2, 2, 1, 1, 1, 2), Arrays.stream(t.accentedCounts).boxed().toList());
        assertEquals(List.of(false, false, false, false, true, false, false, false, false), t.shouted);
        assertTrue(t.is(5, Rules.Kind.CONTRAST));
        assertTrue(t.is(2, Rules.Kind.NEGATOR | Rules.Kind.CONTRAST));
        assertFalse(t.is(1, Rules.Kind.NEGATOR));
        assertEquals(2, t.exclamations());
        assertEquals(1, t.spanishMarks);
        assertEquals(0, t.portugueseMarks);
    }

    private static List<Integer> occurrences(Text t, int id) {
        List<Integer> at = new ArrayList<>();
        for (int i = t.firstAt(id); i >= 0; i = t.nextAt(i)) {
            at.add(i);
        }
        return at;
    }
}
