package io.socialcare.listening.analysis;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

import io.socialcare.contract.MentionEvent.Analysis;
import io.socialcare.contract.MentionEvent.Sentiment;

/**
 * Deterministic text analysis of a mention: language, sentiment, intent, urgency and topics. The word lists and
 * rules in {@link Rules} read the language, the tone and a first intent; {@link IntentModel}, a logistic regression
 * over the words and the rules' signals, decides the intent; {@link LanguageModel} names the language when the word
 * profiles cannot. Both models learn at start-up from {@code analysis/training.jsonl} in the jar, with a fixed seed:
 * nothing is downloaded, and the same text always gets the same answer.
 */
@ApplicationScoped
public class Analyser {

    public static final String UNDETERMINED = "und";
    private static final Pattern LANG_HINT = Pattern.compile("[a-zA-Z]{2}");

    /** The models, trained once, when first needed. */
    private static final class Model {
        static final List<IntentModel.Sample> TRAINING = IntentModel.load(IntentModel.TRAINING);
        static final IntentModel INSTANCE = IntentModel.train(TRAINING);
        static final LanguageModel LANGUAGE = LanguageModel.train(TRAINING);
    }

    /**
     * Trains the models at start-up rather than on the first mention (about half a second of CPU), on a thread of
     * its own so that it overlaps the rest of the start (connections to MongoDB and Kafka); a mention that arrives
     * before training ends waits for it.
     */
    void warmUp(@Observes StartupEvent event) {
        Thread training = new Thread(() -> analyse("warm up", null), "analyser-training");
        training.setDaemon(true);
        training.start();
    }

    /** Analysis of a text with an optional language hint and no brand keywords. */
    public Analysis analyse(String text, String langHint) {
        return analyse(text, langHint, List.of(), Set.of());
    }

    /**
     * @param keywords the brand's keywords; those found become topics (product names)
     * @param ignored keywords that are not topics (the brand's own name)
     */
    public Analysis analyse(String text, String langHint, Collection<String> keywords, Set<String> ignored) {
        Text t = new Text(text);
        String language = language(t, langHint);
        Rules.Tone tone = Rules.sentiment(t);
        String ruleIntent = Rules.intent(t, label(tone.score()));
        String intent = intent(t, tone, ruleIntent);
        double score = score(intent, tone);
        String label = label(score);
        String urgency = Rules.urgency(t, intent, score);
        List<String> topics = topics(t, keywords, ignored);
        return new Analysis(language, new Sentiment(label, score), intent, urgency, topics);
    }

    /** True when the text names one of the brand's keywords or handles. */
    public boolean mentionsBrand(String text, Collection<String> keywords, Collection<String> handles) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (String handle : handles) {
            String h = handle.toLowerCase(Locale.ROOT);
            if (!h.isBlank() && lower.contains(h.startsWith("@") ? h : "@" + h)) {
                return true;
            }
        }
        Text t = new Text(text);
        for (String keyword : keywords) {
            String folded = Text.foldPhrase(keyword);
            if (!folded.isEmpty() && t.contains(folded)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The intent: the rules' suggestions (explicit markers such as "ojalá", "deberían", "would be great if", or
     * chasing an announced feature) are right almost every time they fire, so they stand; otherwise the model's
     * most likely intent, except that praise needs a positive word when the text has a clearly negative one.
     */
    static String intent(Text t, Rules.Tone tone, String ruleIntent) {
        if ("suggestion".equals(ruleIntent)) {
            return ruleIntent;
        }
        double[] p = Model.INSTANCE.probabilities(Features.of(t, tone, ruleIntent));
        int praise = IntentModel.INTENTS.indexOf("praise");
        if (tone.positive() == 0 && tone.negative() <= -1) {
            p[praise] = -1; // "O atendente foi super grosso comigo" is not praise, whatever its other words
        }
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k] > p[best] ? k : best;
        }
        return IntentModel.INTENTS.get(best);
    }

    /**
     * The sentiment score: the lexicon's tone, kept on the side of the intent — a complaint is negative, praise
     * positive, a question neutral; a suggestion is positive when it also praises, otherwise neutral.
     */
    static double score(String intent, Rules.Tone tone) {
        double score = tone.score();
        return switch (intent) {
            case "complaint" -> Math.min(score, -0.3);
            case "praise" -> Math.max(score, 0.3);
            case "question" -> Math.max(-0.1, Math.min(0.1, score));
            case "suggestion" -> tone.positive() >= 0.5 ? Math.max(score, 0.2)
                    : Math.max(-0.1, Math.min(0.1, score));
            default -> score;
        };
    }

    static String label(double score) {
        return score >= 0.2 ? "positive" : score <= -0.2 ? "negative" : "neutral";
    }

    String language(Text t, String hint) {
        if (hint != null && LANG_HINT.matcher(hint).matches()) {
            return hint.toLowerCase(Locale.ROOT);
        }
        String language = Rules.detect(t);
        if (UNDETERMINED.equals(language) && letters(t) >= 3) {
            // no profile word, or a tie: the character n-grams decide
            return Model.LANGUAGE.language(t);
        }
        return language;
    }

    private static int letters(Text t) {
        int letters = 0;
        for (String token : t.tokens) {
            for (int i = 0; i < token.length(); i++) {
                letters += Character.isLetter(token.charAt(i)) ? 1 : 0;
            }
        }
        return letters;
    }

    List<String> topics(Text t, Collection<String> keywords, Set<String> ignored) {
        Set<String> result = new LinkedHashSet<>();
        Set<String> skip = new LinkedHashSet<>();
        for (String name : ignored) {
            if (name != null) {
                skip.add(Text.foldPhrase(name));
            }
        }
        for (String keyword : keywords) {
            String folded = Text.foldPhrase(keyword);
            boolean brandName = skip.stream().anyMatch(name -> !name.isEmpty()
                    && (" " + folded + " ").contains(" " + name + " ") || folded.replace(" ", "").equals(
                            name.replace(" ", "")));
            if (!folded.isEmpty() && !brandName && t.contains(folded)) {
                result.add(keyword.toLowerCase(Locale.ROOT).trim());
            }
        }
        for (Map.Entry<String, Terms> topic : Lexicon.TOPICS.entrySet()) {
            if (topic.getValue().in(t)) {
                result.add(topic.getKey());
            }
        }
        return List.copyOf(result);
    }
}
