package io.socialcare.listening.analysis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The features {@link IntentModel} reads from a mention, hashed into {@link #SIZE} slots (no dictionary to keep):
 * the folded words, pairs of neighbouring words, character n-grams of 3 to 5 characters across the folded text
 * (which carry stems and endings across es/en/pt: "cobr", "cion", "cao"), and the signals of the hand-written
 * {@link Rules}: the intent and tone they read, a stated problem, a suggestion marker, a question, a rhetorical
 * opener, a wait, irony, emoji, the customer-care topics named, whether the brand is addressed. Every feature
 * counts 1 each time it occurs.
 */
final class Features {

    static final int BITS = 18;
    static final int SIZE = 1 << BITS;
    private static final int MASK = SIZE - 1;
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int MIN_N = 3;
    private static final int MAX_N = 5;

    private static final Map<String, Integer> RULE_INTENT = signals("intent:", IntentModel.INTENTS);
    private static final Map<String, Integer> RULE_TONE = signals("tone:", List.of("negative", "neutral", "positive"));
    /** The signal of each topic, in the order of {@link Lexicon#TOPICS}. */
    private static final int[] TOPIC = Lexicon.TOPICS.keySet().stream()
            .mapToInt(name -> signal("topic:" + name)).toArray();
    private static final int PROBLEM = signal("problem");
    private static final int SUGGESTION = signal("suggestion");
    private static final int QUESTION = signal("question");
    private static final int QUESTION_MARK = signal("question mark");
    private static final int WAITED = signal("waited");
    private static final int WHY_NOT = signal("why not");
    private static final int CHASES = signal("chases");
    private static final int IRONIC = signal("ironic");
    private static final int PRAISE = signal("praise");
    private static final int POSITIVE_WORDS = signal("positive words");
    private static final int STRONG_POSITIVE = signal("strong positive");
    private static final int NEGATIVE_WORDS = signal("negative words");
    private static final int STRONG_NEGATIVE = signal("strong negative");
    private static final int EXCLAMATION = signal("exclamation");
    private static final int EMOJI_POSITIVE = signal("emoji:positive");
    private static final int EMOJI_NEGATIVE = signal("emoji:negative");
    private static final int EMOJI_IRONIC = signal("emoji:ironic");
    private static final int PROMOTION = signal("promotion");
    private static final int ADDRESSED = signal("addressed");
    private static final int RHETORICAL = signal("rhetorical");
    private static final int RHETORICAL_QUESTION = signal("rhetorical question");
    private static final int NEGATIVE_QUESTION = signal("question and negative words");
    private static final int POSITIVE_QUESTION = signal("question and positive words");
    private static final int MIXED = signal("mixed words");
    private static final int[] LENGTH = {signal("length:3"), signal("length:6"), signal("length:12"),
        signal("length:long")};

    private Features() {
    }

    /** Features of a text, reading the rules' signals first. */
    static int[] of(Text t) {
        Rules.Tone tone = Rules.sentiment(t);
        return of(t, tone, Rules.intent(t, Analyser.label(tone.score())));
    }

    /** Features of a text whose tone and rule intent are known. */
    static int[] of(Text t, Rules.Tone tone, String ruleIntent) {
        List<String> tokens = t.tokens;
        String joined = t.joined;
        Sink out = new Sink(64 + 2 * tokens.size() + (MAX_N - MIN_N + 1) * joined.length());
        // what depends on one word only is hashed once per distinct word: the word's feature, and the start of the
        // hash of a pair that it opens
        int[] word = new int[t.distinct.size()];
        int[] opening = new int[t.distinct.size()];
        for (int id = 0; id < word.length; id++) {
            word[id] = hash(hash('w', t.distinct.get(id)), "");
            opening[id] = hash('b', t.distinct.get(id));
        }
        int previous = hash('b', "^");
        for (int i = 0; i < tokens.size(); i++) {
            int id = t.ids[i];
            out.add(word[id]);
            out.add(hash(previous, tokens.get(i)));
            previous = opening[id];
        }
        out.add(hash(previous, "$"));
        char[] chars = joined.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            int h = FNV_OFFSET ^ 'c';
            for (int n = 1; n <= MAX_N && i + n <= chars.length; n++) {
                h = (h ^ chars[i + n - 1]) * FNV_PRIME;
                if (n >= MIN_N) {
                    out.add(h);
                }
            }
        }
        boolean question = Rules.isQuestion(t);
        boolean rhetorical = Lexicon.RHETORICAL.in(t);
        out.addIndex(RULE_INTENT.get(ruleIntent));
        out.addIndex(RULE_TONE.get(Analyser.label(tone.score())));
        out.flag(Rules.statedProblem(t), PROBLEM);
        out.flag(Lexicon.SUGGESTION.in(t) || Rules.wish(t), SUGGESTION);
        out.flag(question, QUESTION);
        out.flag(t.hasQuestionMark(), QUESTION_MARK);
        out.flag(Rules.waited(t), WAITED);
        out.flag(Rules.whyNot(t), WHY_NOT);
        out.flag(Rules.chasesSuggestion(t), CHASES);
        out.flag(tone.ironic(), IRONIC);
        out.flag(Lexicon.PRAISE.in(t), PRAISE);
        out.flag(tone.positive() > 0, POSITIVE_WORDS);
        out.flag(tone.positive() >= 1.5, STRONG_POSITIVE);
        out.flag(tone.negative() < 0, NEGATIVE_WORDS);
        out.flag(tone.negative() <= -1.5, STRONG_NEGATIVE);
        out.flag(t.exclamations() > 0, EXCLAMATION);
        for (int symbol : t.symbols) {
            out.flag(Lexicon.POSITIVE_EMOJI.contains(symbol), EMOJI_POSITIVE);
            out.flag(Lexicon.NEGATIVE_EMOJI.contains(symbol), EMOJI_NEGATIVE);
            out.flag(Lexicon.IRONIC_EMOJI.contains(symbol), EMOJI_IRONIC);
        }
        out.flag(Lexicon.PROMOTION.in(t), PROMOTION);
        out.flag(Lexicon.ADDRESSED.in(t), ADDRESSED);
        int topic = 0;
        for (Terms terms : Lexicon.TOPICS.values()) {
            out.flag(terms.in(t), TOPIC[topic++]);
        }
        out.flag(rhetorical, RHETORICAL);
        out.flag(rhetorical && question, RHETORICAL_QUESTION);
        out.flag(question && tone.negative() < 0, NEGATIVE_QUESTION);
        out.flag(question && tone.positive() > 0, POSITIVE_QUESTION);
        out.flag(tone.positive() > 0 && tone.negative() < 0, MIXED);
        int n = tokens.size();
        out.addIndex(LENGTH[n <= 3 ? 0 : n <= 6 ? 1 : n <= 12 ? 2 : 3]);
        return out.toArray();
    }

    private static Map<String, Integer> signals(String prefix, List<String> names) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (String name : names) {
            result.put(name, signal(prefix + name));
        }
        return Map.copyOf(result);
    }

    private static int signal(String name) {
        return index(hash(hash('r', name), ""));
    }

    private static int index(int hash) {
        return (hash ^ (hash >>> BITS)) & MASK;
    }

    /** FNV-1a over a namespace character and a string. */
    private static int hash(char namespace, String s) {
        int h = (FNV_OFFSET ^ namespace) * FNV_PRIME;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /** Continues a hash with a separator and a second string. */
    private static int hash(int h, String s) {
        h = (h ^ ' ') * FNV_PRIME;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /** Collects feature indices. */
    private static final class Sink {
        private int[] items;
        private int size;

        Sink(int capacity) {
            items = new int[capacity];
        }

        void add(int hash) {
            addIndex(index(hash));
        }

        void addIndex(int index) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = index;
        }

        void flag(boolean on, int index) {
            if (on) {
                addIndex(index);
            }
        }

        int[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }
}
