package io.socialcare.listening.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TermsTest {

    private final Terms terms = new Terms("queja", "reembols*", "no funciona", "me cobr*", "sin conexión");

    @Test
    void matchesWordsStemsAndPhrasesAsWholeWords() {
        assertTrue(terms.in(new Text("Pongo una QUEJA")));
        assertTrue(terms.in(new Text("¿y el reembolso?")));
        assertTrue(terms.in(new Text("la app no funciona")));
        assertTrue(terms.in(new Text("me cobraron dos veces")));
        assertTrue(terms.in(new Text("otra vez sin conexion")), "written without the accent");
        assertFalse(terms.in(new Text("quejas")), "a word is not a stem");
        assertFalse(terms.in(new Text("funciona, no")));
        assertFalse(terms.in(new Text("me encanta")));
        assertFalse(terms.in(new Text("")));
        assertTrue(terms.in(new Text("no sé, no llega y no funciona")), "a phrase at a later occurrence of its first word");
        assertTrue(terms.in(new Text("Me dijeron que me cobrarían")), "a phrase ending in a stem");
    }

    @Test
    void findsWhereATermStarts() {
        Text t = new Text("hola, la app no funciona y me cobraron");
        assertEquals(3, terms.firstIn(t.tokens, 0));
        assertEquals(6, terms.firstIn(t.tokens, 4));
        assertEquals(-1, terms.firstIn(t.tokens, 7));
        assertTrue(terms.isWord("reembolsar"));
        assertFalse(terms.isWord("funciona"));
        assertEquals("sin conexion", terms.list().get(4));
    }
}
