package io.socialcare.listening.analysis;

import java.util.List;

/**
 * Naive Bayes over character n-grams (one to five characters, accents kept) that tells Spanish, English and
 * Portuguese apart when the word profiles of {@link Rules#detect} cannot: a text with no profile word, or a tie
 * ("Sextou!", "Equipe nota mil"). Trained when the class is loaded from the same labelled mentions as
 * {@link IntentModel}; deterministic.
 */
final class LanguageModel {

    static final List<String> LANGUAGES = List.of("es", "en", "pt");
    private static final int BITS = 16;
    private static final int MASK = (1 << BITS) - 1;
    private static final int MAX_N = 5;
    /** Log-probability of each hashed n-gram for each language. */
    private final float[][] logProbability = new float[LANGUAGES.size()][1 << BITS];

    private LanguageModel() {
    }

    static LanguageModel train(List<IntentModel.Sample> samples) {
        LanguageModel model = new LanguageModel();
        int languages = LANGUAGES.size();
        double[][] counts = new double[languages][1 << BITS];
        double[] totals = new double[languages];
        for (IntentModel.Sample sample : samples) {
            int language = LANGUAGES.indexOf(sample.language());
            if (language < 0) {
                continue;
            }
            for (int gram : grams(new Text(sample.text()))) {
                counts[language][gram]++;
                totals[language]++;
            }
        }
        double alpha = 0.5;
        for (int l = 0; l < languages; l++) {
            double denominator = totals[l] + alpha * (1 << BITS);
            for (int g = 0; g < (1 << BITS); g++) {
                model.logProbability[l][g] = (float) Math.log((counts[l][g] + alpha) / denominator);
            }
        }
        return model;
    }

    /** The most likely of {@link #LANGUAGES}. */
    String language(Text t) {
        double[] score = new double[LANGUAGES.size()];
        for (int gram : grams(t)) {
            for (int l = 0; l < score.length; l++) {
                score[l] += logProbability[l][gram];
            }
        }
        int best = 0;
        for (int l = 1; l < score.length; l++) {
            best = score[l] > score[best] ? l : best;
        }
        return LANGUAGES.get(best);
    }

    private static int[] grams(Text t) {
        StringBuilder sb = new StringBuilder(" ");
        for (String word : t.accented) {
            sb.append(word).append(' ');
        }
        String s = sb.toString();
        int[] grams = new int[Math.max(0, s.length() * MAX_N)];
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            int h = 0x811c9dc5;
            for (int n = 1; n <= MAX_N && i + n <= s.length(); n++) {
                h = (h ^ s.charAt(i + n - 1)) * 0x01000193;
                grams[count++] = (h ^ (h >>> BITS)) & MASK;
            }
        }
        return java.util.Arrays.copyOf(grams, count);
    }
}
