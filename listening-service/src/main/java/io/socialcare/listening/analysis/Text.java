package io.socialcare.listening.analysis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mention's text prepared for analysis: URLs and @handles removed, then split into tokens twice — once
 * lower-cased with accents (for the language profiles) and once folded (lower case, no accents, letters repeated
 * three times or more collapsed), which is the form every lexicon is written in, so that missing accents
 * ("cuando", "conexion") and shouting ("noooo") still match.
 */
final class Text {

    private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLE = Pattern.compile("@[\\p{L}\\p{N}_.]+");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}']+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern SENTENCE = Pattern.compile("[.!?¿¡\\n;:]+");

    final String raw;
    final String cleaned;
    /** Lower-case tokens with accents, for the language profiles. */
    final List<String> accented;
    /** Folded tokens: lower case, no accents, no apostrophes, long letter runs collapsed. */
    final List<String> tokens;
    /** Whether each folded token was written in capitals (three letters or more). */
    final List<Boolean> shouted;
    /** The folded tokens joined by single spaces, padded with a space at both ends, for phrase look-ups. */
    final String joined;
    /** The first folded token of each sentence. */
    final List<List<String>> sentences;

    Text(String text) {
        this.raw = text == null ? "" : text;
        this.cleaned = HANDLE.matcher(URL.matcher(raw).replaceAll(" ")).replaceAll(" ");
        this.accented = new ArrayList<>();
        this.tokens = new ArrayList<>();
        this.shouted = new ArrayList<>();
        for (String piece : SPLIT.split(cleaned)) {
            String word = piece.replace("'", "");
            if (word.isEmpty()) {
                continue;
            }
            accented.add(word.toLowerCase(Locale.ROOT));
            tokens.add(fold(word));
            shouted.add(word.length() >= 3 && word.equals(word.toUpperCase(Locale.ROOT))
                    && !word.equals(word.toLowerCase(Locale.ROOT)));
        }
        this.joined = " " + String.join(" ", tokens) + " ";
        this.sentences = new ArrayList<>();
        for (String sentence : SENTENCE.split(cleaned)) {
            List<String> words = new ArrayList<>();
            for (String piece : SPLIT.split(sentence)) {
                String word = piece.replace("'", "");
                if (!word.isEmpty()) {
                    words.add(fold(word));
                }
            }
            if (!words.isEmpty()) {
                sentences.add(words);
            }
        }
    }

    /** Lower case, accents removed, letter runs of three or more collapsed to one ("noooo" → "no"). */
    static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace("'", "");
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return REPEATS.matcher(stripped).replaceAll("$1");
    }

    /** A phrase in lexicon form: folded words separated by single spaces. */
    static String foldPhrase(String phrase) {
        List<String> words = new ArrayList<>();
        for (String piece : SPLIT.split(phrase)) {
            String word = fold(piece);
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return String.join(" ", words);
    }

    boolean hasQuestionMark() {
        return raw.indexOf('?') >= 0 || raw.indexOf('¿') >= 0 || raw.indexOf('？') >= 0;
    }

    int exclamations() {
        int count = 0;
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '!' || raw.charAt(i) == '¡') {
                count++;
            }
        }
        return count;
    }

    /** True when the folded phrase (or single word) occurs as whole words. */
    boolean contains(String foldedPhrase) {
        return joined.contains(" " + foldedPhrase + " ");
    }

    /** True when a term matches: a phrase as whole words, or a stem ending in '*' as the start of a token. */
    boolean matches(String term) {
        if (term.endsWith("*")) {
            String stem = term.substring(0, term.length() - 1);
            if (stem.indexOf(' ') >= 0) {
                return joined.contains(" " + stem);
            }
            for (String token : tokens) {
                if (token.startsWith(stem)) {
                    return true;
                }
            }
            return false;
        }
        return contains(term);
    }

    boolean matchesAny(List<String> terms) {
        for (String term : terms) {
            if (matches(term)) {
                return true;
            }
        }
        return false;
    }
}
