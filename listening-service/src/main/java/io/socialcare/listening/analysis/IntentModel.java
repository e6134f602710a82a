package io.socialcare.listening.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Multinomial logistic regression that reads the intent of a mention from its {@link Features}: words, word pairs,
 * character n-grams and the signals of the hand-written {@link Rules}. It is trained when first needed from the
 * labelled mentions in {@code analysis/training.jsonl} on the class path (written for the purpose; none of them is
 * in the development or evaluation sets) by stochastic gradient descent with a fixed seed, a fixed number of passes
 * and a decaying step, so the weights, and therefore every answer, are the same on every start.
 */
final class IntentModel {

    static final List<String> INTENTS = List.of("complaint", "question", "suggestion", "praise", "other");
    static final String TRAINING = "/analysis/training.jsonl";
    private static final int K = INTENTS.size();
    private static final int EPOCHS = 20;
    private static final double RATE = 0.03;
    private static final double L2 = 1e-3;
    private static final long SEED = 20240611L;

    /** A labelled training mention. */
    record Sample(String text, String language, String intent) {
    }

    /** Weights, {@code feature * K + intent}, over {@link Features#SIZE} hashed features; then K biases. */
    private final float[] weights = new float[Features.SIZE * K + K];

    private IntentModel() {
    }

    static IntentModel train(List<Sample> samples) {
        IntentModel model = new IntentModel();
        List<int[]> features = new ArrayList<>();
        int[] labels = new int[samples.size()];
        int[] counts = new int[K];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            features.add(Features.of(new Text(s.text())));
            labels[i] = INTENTS.indexOf(s.intent());
            if (labels[i] < 0) {
                throw new IllegalStateException("unknown intent in training sample: " + s);
            }
            counts[labels[i]]++;
        }
        // each intent weighs the same in total, as macro-F1 counts every intent the same
        double[] classWeight = new double[K];
        for (int k = 0; k < K; k++) {
            classWeight[k] = counts[k] == 0 ? 0 : (double) samples.size() / (K * counts[k]);
        }
        int[] order = new int[samples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(SEED);
        float[] w = model.weights;
        double[] p = new double[K];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            double rate = RATE / (1 + epoch * 0.2);
            for (int n : order) {
                int[] f = features.get(n);
                model.scores(f, p);
                softmax(p);
                for (int k = 0; k < K; k++) {
                    double gradient = (p[k] - (labels[n] == k ? 1 : 0)) * classWeight[labels[n]];
                    for (int index : f) {
                        int at = index * K + k;
                        w[at] -= (float) (rate * (gradient + L2 * w[at]));
                    }
                    w[Features.SIZE * K + k] -= (float) (rate * gradient);
                }
            }
        }
        return model;
    }

    /** Probability of each of {@link #INTENTS}. */
    double[] probabilities(int[] features) {
        double[] p = new double[K];
        scores(features, p);
        softmax(p);
        return p;
    }

    private void scores(int[] features, double[] out) {
        if (K == 5) {
            scoresOfFive(features, out);
            return;
        }
        for (int k = 0; k < K; k++) {
            out[k] = weights[Features.SIZE * K + k];
        }
        for (int index : features) {
            int base = index * K;
            for (int k = 0; k < K; k++) {
                out[k] += weights[base + k];
            }
        }
    }

    /**
     * {@link #scores} for five intents, the sums kept in local variables rather than in the array: a long text has
     * thousands of features, and summing into {@code out[k]} makes every addition wait for the store of the one
     * before. Each sum adds the same weights in the same order as the general loop, so the scores are the same to
     * the last bit.
     */
    private void scoresOfFive(int[] features, double[] out) {
        float[] w = weights;
        int bias = Features.SIZE * 5;
        double s0 = w[bias];
        double s1 = w[bias + 1];
        double s2 = w[bias + 2];
        double s3 = w[bias + 3];
        double s4 = w[bias + 4];
        for (int index : features) {
            int base = index * 5;
            s0 += w[base];
            s1 += w[base + 1];
            s2 += w[base + 2];
            s3 += w[base + 3];
            s4 += w[base + 4];
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
        out[4] = s4;
    }

    private static void softmax(double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : p) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(p[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
    }

    /** The labelled mentions of a class-path resource, one JSON object a line (text, language, intent). */
    static List<Sample> load(String resource) {
        ObjectMapper mapper = new ObjectMapper();
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = IntentModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode n = mapper.readTree(line);
                    samples.add(new Sample(n.get("text").asText(), n.get("language").asText(),
                            n.get("intent").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return samples;
    }
}
