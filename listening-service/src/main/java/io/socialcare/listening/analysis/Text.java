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
 *
 * <p>A token is a run of letters, digits and apostrophes (apostrophes then dropped); sentences end at
 * {@code . ! ? ¿ ¡ ; :} and line breaks. The split is a single pass over the characters, with no regular
 * expression unless the text holds a URL or a handle.</p>
 */
final class Text {

    private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLE = Pattern.compile("@[\\p{L}\\p{N}_.]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final String SENTENCE_ENDS = ".!?¿¡\n;:";
    /** Folded form of each character below U+0250 (Latin-1 and Latin Extended): accents stripped. */
    private static final String[] FOLDED = new String[0x250];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            FOLDED[c] = MARKS.matcher(decomposed).replaceAll("");
        }
    }

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
    /** The folded tokens of each sentence. */
    final List<List<String>> sentences;
    /** Pictographs and symbols (emoji, dingbats), in order. */
    final List<Integer> symbols;

    /** Checks of {@link Rules} that several steps ask for, remembered (a Text serves one analysis, one thread). */
    static final int PROBLEM = 0;
    static final int WAITED = 1;
    static final int CHASES = 2;
    static final int QUESTION = 3;
    static final int WISH = 4;
    private final byte[] memo = new byte[5];

    Text(String text) {
        this.raw = text == null ? "" : text;
        String source = hasMarks(raw) ? Normalizer.normalize(raw, Normalizer.Form.NFC) : raw;
        this.cleaned = mayHaveLinks(source)
                ? HANDLE.matcher(URL.matcher(source).replaceAll(" ")).replaceAll(" ") : source;
        this.accented = new ArrayList<>();
        this.tokens = new ArrayList<>();
        this.shouted = new ArrayList<>();
        this.sentences = new ArrayList<>();
        this.symbols = new ArrayList<>();
        List<String> sentence = new ArrayList<>();
        StringBuilder joinedTokens = new StringBuilder(cleaned.length() + 2).append(' ');
        int n = cleaned.length();
        int i = 0;
        while (i < n) {
            int cp = cleaned.codePointAt(i);
            if (!isWordChar(cp)) {
                if (SENTENCE_ENDS.indexOf(cp) >= 0 && !sentence.isEmpty()) {
                    sentences.add(sentence);
                    sentence = new ArrayList<>();
                } else if (cp >= 0x2190 && !Character.isWhitespace(cp)) {
                    symbols.add(cp);
                }
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean apostrophe = false;
            while (i < n) {
                int c = cleaned.codePointAt(i);
                if (!isWordChar(c)) {
                    break;
                }
                apostrophe |= c == '\'';
                i += Character.charCount(c);
            }
            String word = cleaned.substring(start, i);
            if (apostrophe) {
                word = word.replace("'", "");
                if (word.isEmpty()) {
                    continue;
                }
            }
            String lower = word.toLowerCase(Locale.ROOT);
            String folded = foldLower(lower);
            accented.add(lower);
            tokens.add(folded);
            shouted.add(isShouted(word));
            sentence.add(folded);
            joinedTokens.append(folded).append(' ');
        }
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        this.joined = tokens.isEmpty() ? "  " : joinedTokens.toString();
    }

    private static boolean isWordChar(int cp) {
        if (cp < 128) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' || cp == '\'';
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean hasMarks(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x300 && c <= 0x36F) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayHaveLinks(String s) {
        if (s.indexOf('@') >= 0) {
            return true;
        }
        for (int i = 0; i + 4 <= s.length(); i++) {
            if (s.regionMatches(true, i, "http", 0, 4) || s.regionMatches(true, i, "www.", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /** Capitals only, at least three characters ("NADA", not "OK" nor "4G"). */
    private static boolean isShouted(String word) {
        if (word.length() < 3) {
            return false;
        }
        boolean upper = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            upper |= Character.isUpperCase(c);
        }
        return upper;
    }

    /** Lower case, accents removed, letter runs of three or more collapsed to one ("noooo" → "no"). */
    static String fold(String word) {
        return foldLower(word.toLowerCase(Locale.ROOT).replace("'", ""));
    }

    private static String foldLower(String lower) {
        String stripped = stripAccents(lower);
        return collapseRuns(stripped);
    }

    private static String stripAccents(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            plain = s.charAt(i) < 128;
        }
        if (plain) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= FOLDED.length) {
                return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
            }
            sb.append(c < 128 ? String.valueOf(c) : FOLDED[c]);
        }
        return sb.toString();
    }

    private static String collapseRuns(String s) {
        int n = s.length();
        boolean runs = false;
        for (int i = 0; i + 2 < n && !runs; i++) {
            char c = s.charAt(i);
            runs = c == s.charAt(i + 1) && c == s.charAt(i + 2) && Character.isLetter(c);
        }
        if (!runs) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int j = i + 1;
            while (j < n && s.charAt(j) == c) {
                j++;
            }
            if (j - i >= 3 && Character.isLetter(c)) {
                sb.append(c);
            } else {
                sb.append(s, i, j);
            }
            i = j;
        }
        return sb.toString();
    }

    /** A phrase in lexicon form: folded words separated by single spaces. */
    static String foldPhrase(String phrase) {
        StringBuilder sb = new StringBuilder(phrase.length());
        int n = phrase.length();
        int i = 0;
        while (i < n) {
            int cp = phrase.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && isWordChar(phrase.codePointAt(i))) {
                i += Character.charCount(phrase.codePointAt(i));
            }
            String word = fold(phrase.substring(start, i));
            if (!word.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(word);
            }
        }
        return sb.toString();
    }

    /** The remembered answer of check {@code which}, asking {@code check} the first time. */
    boolean memo(int which, java.util.function.BooleanSupplier check) {
        if (memo[which] == 0) {
            memo[which] = (byte) (check.getAsBoolean() ? 1 : 2);
        }
        return memo[which] == 1;
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
}
