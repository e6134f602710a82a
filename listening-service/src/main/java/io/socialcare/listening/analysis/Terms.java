package io.socialcare.listening.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A word list compiled for look-up by token: single words in a hash set, phrases indexed by their first word, and
 * stems (a term ending in '*' matches the start of a word; in a phrase, the start of its last word). Finding
 * whether a text contains any term costs a few hash look-ups per token, whatever the size of the list.
 */
final class Terms {

    private final Set<String> words = new HashSet<>();
    private final List<String> stems = new ArrayList<>();
    /** First word → the phrases starting with it, each as its words; a last word ending in '*' is a stem. */
    private final Map<String, List<String[]>> phrases = new HashMap<>();
    private final List<String> all;

    /** @param terms written with accents for the reader; folded here */
    Terms(String... terms) {
        List<String> folded = new ArrayList<>();
        for (String term : terms) {
            String f = Text.foldPhrase(term) + (term.endsWith("*") ? "*" : "");
            folded.add(f);
            String[] parts = f.split(" ");
            if (parts.length == 1) {
                if (f.endsWith("*")) {
                    stems.add(f.substring(0, f.length() - 1));
                } else {
                    words.add(f);
                }
            } else {
                phrases.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts);
            }
        }
        this.all = List.copyOf(folded);
    }

    /** The folded terms, in the order given. */
    List<String> list() {
        return all;
    }

    /**
     * True when any term occurs in the text (remembered by the text: several steps ask for the same lists). Words and
     * stems are looked up once per distinct token; a phrase is tried at each occurrence of its first word.
     */
    boolean in(Text t) {
        return t.memo(this, () -> find(t));
    }

    private boolean find(Text t) {
        List<String> distinct = t.distinct;
        for (int id = 0; id < distinct.size(); id++) {
            String token = distinct.get(id);
            if (isWord(token)) {
                return true;
            }
            List<String[]> candidates = phrases.get(token);
            if (candidates != null) {
                for (int at = t.firstAt(id); at >= 0; at = t.nextAt(at)) {
                    for (String[] phrase : candidates) {
                        if (phraseAt(t.tokens, at, phrase)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** The index of the first token at or after {@code from} where a term starts, or -1. */
    int firstIn(List<String> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (startsAt(tokens, i)) {
                return i;
            }
        }
        return -1;
    }

    /** True when a term starts at token {@code i}. */
    boolean startsAt(List<String> tokens, int i) {
        String token = tokens.get(i);
        if (words.contains(token)) {
            return true;
        }
        for (String stem : stems) {
            if (token.startsWith(stem)) {
                return true;
            }
        }
        List<String[]> candidates = phrases.get(token);
        if (candidates != null) {
            for (String[] phrase : candidates) {
                if (phraseAt(tokens, i, phrase)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the single token is one of the single-word terms or starts with one of the stems. */
    boolean isWord(String token) {
        if (words.contains(token)) {
            return true;
        }
        for (String stem : stems) {
            if (token.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    private static boolean phraseAt(List<String> tokens, int at, String[] phrase) {
        if (at + phrase.length > tokens.size()) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            String word = phrase[k];
            String token = tokens.get(at + k);
            if (k == phrase.length - 1 && word.endsWith("*")) {
                if (!token.regionMatches(0, word, 0, word.length() - 1)) {
                    return false;
                }
            } else if (!token.equals(word)) {
                return false;
            }
        }
        return true;
    }
}
