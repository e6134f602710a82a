package io.socialcare.listening.analysis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /*
     * The same tokens indexed, so that the checks over word lists cost per distinct word rather than per word: a
     * long text repeats its words (a 1 KiB text has about 200 tokens and often a few dozen distinct ones). Equal
     * tokens are the same String instance, whose hash is then computed once for all look-ups.
     */
    /** The distinct folded tokens, in order of first occurrence. */
    final List<String> distinct;
    /** For each token, the index of its folded form in {@link #distinct}. */
    final int[] ids;
    /** For each distinct folded token, its first position in {@link #tokens}. */
    private final int[] first;
    /** For each token, the position of the next occurrence of the same folded token, or -1. */
    private final int[] next;
    /** For each distinct folded token, its {@link Rules.Kind} bits. */
    private final int[] kinds;
    /** The distinct lower-case accented tokens, in order of first occurrence, and how often each occurs. */
    final List<String> accentedDistinct;
    final int[] accentedCounts;
    /** The number of '!' and '¡'. */
    private final int exclamations;
    /** The number of 'ñ', '¿' and '¡', and of 'ã', 'õ' and 'ç', capitals included: for {@link Rules#detect}. */
    final int spanishMarks;
    final int portugueseMarks;

    /** Checks of {@link Rules} that several steps ask for, remembered (a Text serves one analysis, one thread). */
    static final int PROBLEM = 0;
    static final int WAITED = 1;
    static final int CHASES = 2;
    static final int QUESTION = 3;
    static final int WISH = 4;
    private final byte[] memo = new byte[5];
    /** Whether each word list asked about occurs in the text. */
    private Map<Terms, Boolean> termsFound;

    Text(String text) {
        this.raw = text == null ? "" : text;
        // one pass over the characters for what is counted in the raw text, and whether it has combining marks
        int exclamationCount = 0;
        int spanish = 0;
        int portuguese = 0;
        boolean marks = false;
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (c < 0x80) {
                exclamationCount += c == '!' ? 1 : 0;
                continue;
            }
            switch (c) {
                case '¡' -> {
                    exclamationCount++;
                    spanish++;
                }
                case 'ñ', 'Ñ', '¿' -> spanish++;
                case 'ã', 'Ã', 'õ', 'Õ', 'ç', 'Ç' -> portuguese++;
                default -> marks |= c >= 0x300 && c <= 0x36F;
            }
        }
        this.exclamations = exclamationCount;
        this.spanishMarks = spanish;
        this.portugueseMarks = portuguese;
        String source = marks ? Normalizer.normalize(raw, Normalizer.Form.NFC) : raw;
        this.cleaned = mayHaveLinks(source)
                ? HANDLE.matcher(URL.matcher(source).replaceAll(" ")).replaceAll(" ") : source;
        // about one token in six characters: lists sized for that do not grow on most texts
        int expected = cleaned.length() / 5 + 4;
        this.accented = new ArrayList<>(expected);
        this.tokens = new ArrayList<>(expected);
        this.shouted = new ArrayList<>(expected);
        this.sentences = new ArrayList<>();
        this.symbols = new ArrayList<>();
        this.distinct = new ArrayList<>();
        this.accentedDistinct = new ArrayList<>();
        List<String> sentence = new ArrayList<>();
        StringBuilder joinedTokens = new StringBuilder(cleaned.length() + 2).append(' ');
        int n = cleaned.length();
        // a token is at least one character followed by a separator: at most n / 2 + 1 tokens (and distinct forms)
        int bound = n / 2 + 1;
        int[] tokenIds = new int[bound];
        int[] nextSame = new int[bound];
        int[] firstAt = new int[bound];
        int[] lastAt = new int[bound];
        int[] counts = new int[bound];
        int[] wordKinds = new int[bound];
        List<Integer> foldedIdOfAccented = new ArrayList<>();
        Written written = new Written(bound);
        Map<String, Integer> accentedIndex = new HashMap<>();
        Map<String, Integer> foldedIndex = new HashMap<>();
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
            int hash = 0;
            for (int k = start; k < i; k++) {
                hash = 31 * hash + cleaned.charAt(k);
            }
            int entry = written.get(cleaned, start, i, hash);
            if (entry == Written.ABSENT) {
                // a word not seen as written: lower-case it, and find or add its lower-case and folded forms
                String word = cleaned.substring(start, i);
                if (apostrophe) {
                    word = word.replace("'", "");
                }
                if (word.isEmpty()) {
                    written.put(cleaned.substring(start, i), hash, Written.NO_TOKEN);
                    continue;
                }
                String lower = word.toLowerCase(Locale.ROOT);
                Integer a = accentedIndex.get(lower);
                if (a == null) {
                    String folded = foldLower(lower);
                    Integer f = foldedIndex.get(folded);
                    if (f == null) {
                        f = distinct.size();
                        foldedIndex.put(folded, f);
                        distinct.add(folded);
                        firstAt[f] = -1;
                        wordKinds[f] = Rules.kindsOf(folded);
                    }
                    a = accentedDistinct.size();
                    accentedIndex.put(lower, a);
                    accentedDistinct.add(lower);
                    foldedIdOfAccented.add(f);
                }
                entry = a << 1 | (isShouted(word) ? 1 : 0);
                written.put(apostrophe ? cleaned.substring(start, i) : word, hash, entry);
            } else if (entry == Written.NO_TOKEN) {
                continue;
            }
            int a = entry >> 1;
            int id = foldedIdOfAccented.get(a);
            int at = tokens.size();
            String folded = distinct.get(id);
            counts[a]++;
            tokenIds[at] = id;
            nextSame[at] = -1;
            if (firstAt[id] < 0) {
                firstAt[id] = at;
            } else {
                nextSame[lastAt[id]] = at;
            }
            lastAt[id] = at;
            accented.add(accentedDistinct.get(a));
            tokens.add(folded);
            shouted.add((entry & 1) == 1);
            sentence.add(folded);
            joinedTokens.append(folded).append(' ');
        }
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        this.joined = tokens.isEmpty() ? "  " : joinedTokens.toString();
        this.ids = Arrays.copyOf(tokenIds, tokens.size());
        this.next = Arrays.copyOf(nextSame, tokens.size());
        this.first = Arrays.copyOf(firstAt, distinct.size());
        this.kinds = Arrays.copyOf(wordKinds, distinct.size());
        this.accentedCounts = Arrays.copyOf(counts, accentedDistinct.size());
    }

    /**
     * The words of one text as written (letters, digits, apostrophes), for the tokeniser: each maps to the index of
     * its lower-case form and whether it is shouted, packed as {@code index << 1 | shouted}. A repeated word is found
     * from its characters in the text, without making a String of it: a long text repeats most of its words, and
     * a String per word was a good part of the time spent on it. Open addressing with linear probing.
     */
    private static final class Written {
        static final int ABSENT = -1;
        /** A word of apostrophes only, which is no token. */
        static final int NO_TOKEN = -2;
        private final String[] words;
        private final int[] hashes;
        private final int[] entries;
        private final int mask;

        Written(int maxWords) {
            // a power of two above the most words there can be, so that a slot is always free; a text has far
            // fewer distinct words than that bound, and the table is then mostly empty
            int size = Integer.highestOneBit(Math.max(2, maxWords)) << 1;
            words = new String[size];
            hashes = new int[size];
            entries = new int[size];
            mask = size - 1;
        }

        /** The entry of the word {@code text[from, to)}, whose hash is {@code hash}, or {@link #ABSENT}. */
        int get(String text, int from, int to, int hash) {
            for (int slot = hash & mask; words[slot] != null; slot = (slot + 1) & mask) {
                String word = words[slot];
                if (hashes[slot] == hash && word.length() == to - from && text.regionMatches(from, word, 0,
                        to - from)) {
                    return entries[slot];
                }
            }
            return ABSENT;
        }

        void put(String word, int hash, int entry) {
            int slot = hash & mask;
            while (words[slot] != null) {
                slot = (slot + 1) & mask;
            }
            words[slot] = word;
            hashes[slot] = hash;
            entries[slot] = entry;
        }
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

    private static boolean mayHaveLinks(String s) {
        if (s.indexOf('@') >= 0) {
            return true;
        }
        // "http" or "www." in ASCII letters of either case, as URL matches them; c | 0x20 is the lower case of an
        // ASCII letter (and of no other character equal to these letters)
        for (int i = 0; i + 4 <= s.length(); i++) {
            char c = (char) (s.charAt(i) | 0x20);
            if (c == 'h' && (s.charAt(i + 1) | 0x20) == 't' && (s.charAt(i + 2) | 0x20) == 't'
                    && (s.charAt(i + 3) | 0x20) == 'p'
                    || c == 'w' && (s.charAt(i + 1) | 0x20) == 'w' && (s.charAt(i + 2) | 0x20) == 'w'
                    && s.charAt(i + 3) == '.') {
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

    /** The remembered answer of whether a word list occurs in the text, asking {@code check} the first time. */
    boolean memo(Terms terms, java.util.function.BooleanSupplier check) {
        if (termsFound == null) {
            termsFound = new IdentityHashMap<>();
        }
        Boolean found = termsFound.get(terms);
        if (found == null) {
            found = check.getAsBoolean();
            termsFound.put(terms, found);
        }
        return found;
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

    /** The number of '!' and '¡'. */
    int exclamations() {
        return exclamations;
    }

    /** True when the token at {@code at} is of one of the {@link Rules.Kind kinds} {@code kind}. */
    boolean is(int at, int kind) {
        return (kinds[ids[at]] & kind) != 0;
    }

    /** The first position of the distinct token {@code id} in {@link #tokens}. */
    int firstAt(int id) {
        return first[id];
    }

    /** The next position of the token at {@code at} in {@link #tokens}, or -1. */
    int nextAt(int at) {
        return next[at];
    }

    /** True when the folded phrase (or single word) occurs as whole words. */
    boolean contains(String foldedPhrase) {
        return joined.contains(" " + foldedPhrase + " ");
    }
}
