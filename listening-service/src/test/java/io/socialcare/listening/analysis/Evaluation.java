package io.socialcare.listening.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.socialcare.contract.MentionEvent.Analysis;

/**
 * Scores the {@link Analyser} on a labelled set (one JSON object a line: text, language, intent, sentiment):
 * language accuracy, intent macro-F1 over the five intents, sentiment accuracy and the intent confusion matrix.
 */
final class Evaluation {

    static final List<String> INTENTS = List.of("complaint", "question", "suggestion", "praise", "other");

    record Example(String text, String language, String intent, String sentiment) {
    }

    record Miss(Example example, Analysis got) {
    }

    final String name;
    final int size;
    final double languageAccuracy;
    final double intentMacroF1;
    final double sentimentAccuracy;
    final double[] f1 = new double[INTENTS.size()];
    /** confusion[expected][predicted] over {@link #INTENTS}. */
    final int[][] confusion = new int[INTENTS.size()][INTENTS.size()];
    final List<Miss> misses = new ArrayList<>();

    Evaluation(String name, List<Example> examples, Analyser analyser) {
        this.name = name;
        this.size = examples.size();
        int language = 0;
        int sentiment = 0;
        for (Example e : examples) {
            Analysis a = analyser.analyse(e.text(), null);
            language += a.language().equals(e.language()) ? 1 : 0;
            sentiment += a.sentiment().label().equals(e.sentiment()) ? 1 : 0;
            confusion[INTENTS.indexOf(e.intent())][INTENTS.indexOf(a.intent())]++;
            if (!a.language().equals(e.language()) || !a.intent().equals(e.intent())
                    || !a.sentiment().label().equals(e.sentiment())) {
                misses.add(new Miss(e, a));
            }
        }
        double sum = 0;
        for (int k = 0; k < INTENTS.size(); k++) {
            int tp = confusion[k][k];
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < INTENTS.size(); j++) {
                predicted += confusion[j][k];
                actual += confusion[k][j];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            f1[k] = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            sum += f1[k];
        }
        this.languageAccuracy = (double) language / size;
        this.intentMacroF1 = sum / INTENTS.size();
        this.sentimentAccuracy = (double) sentiment / size;
    }

    static List<Example> load(String resource) {
        ObjectMapper mapper = new ObjectMapper();
        List<Example> examples = new ArrayList<>();
        try (InputStream in = Evaluation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                Example e = new Example(n.get("text").asText(), n.get("language").asText(),
                        n.get("intent").asText(), n.get("sentiment").asText());
                if (!INTENTS.contains(e.intent())) {
                    throw new IllegalStateException("unknown intent in " + line);
                }
                examples.add(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    String report(boolean withMisses) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n== %s (%d mentions)%n", name, size));
        sb.append(String.format(Locale.ROOT, "language accuracy  %.3f%n", languageAccuracy));
        sb.append(String.format(Locale.ROOT, "intent macro-F1    %.3f  (", intentMacroF1));
        for (int k = 0; k < INTENTS.size(); k++) {
            sb.append(String.format(Locale.ROOT, "%s%s %.2f", k == 0 ? "" : ", ", INTENTS.get(k), f1[k]));
        }
        sb.append(")\n");
        sb.append(String.format(Locale.ROOT, "sentiment accuracy %.3f%n", sentimentAccuracy));
        sb.append("intent confusion (rows expected, columns predicted)\n");
        sb.append(String.format(Locale.ROOT, "%-11s", ""));
        INTENTS.forEach(i -> sb.append(String.format(Locale.ROOT, "%11s", i)));
        sb.append('\n');
        for (int k = 0; k < INTENTS.size(); k++) {
            sb.append(String.format(Locale.ROOT, "%-11s", INTENTS.get(k)));
            for (int j = 0; j < INTENTS.size(); j++) {
                sb.append(String.format(Locale.ROOT, "%11d", confusion[k][j]));
            }
            sb.append('\n');
        }
        if (withMisses) {
            for (Miss m : misses) {
                sb.append(String.format(Locale.ROOT, "  miss: %s/%s/%s got %s/%s/%s  %s%n", m.example().language(),
                        m.example().intent(), m.example().sentiment(), m.got().language(), m.got().intent(),
                        m.got().sentiment().label(), m.example().text()));
            }
        }
        return sb.toString();
    }

    /** Development loop without Quarkus: prints the development set's scores and misses. */
    public static void main(String[] args) {
        Analyser analyser = new Analyser();
        System.out.println(new Evaluation("development", load("/analysis/development.jsonl"), analyser)
                .report(true));
        if (args.length > 0) {
            System.out.println(new Evaluation("evaluation", load("/analysis/evaluation.jsonl"), analyser)
                    .report(false));
        }
    }
}
