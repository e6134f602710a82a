package io.socialcare.listening.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Texts analysed per second on one thread, without Quarkus: the development set's texts as they are (mentions, 47
 * characters on average) and padded to 1 KiB the way the bench's "analysis alone" step pads them (the text repeated,
 * separated by spaces). Each set is analysed for a warm-up, then measured for as long; the rate is given per second
 * of wall-clock time and per second of the thread's CPU time (which holds when other work shares the machine).
 * Arguments: the seconds of warm-up and of measurement, 10 by default. See the README, "Analysis speed".
 */
public final class Throughput {

    private Throughput() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        List<String> texts = new ArrayList<>();
        for (Evaluation.Example example : Evaluation.load("/analysis/development.jsonl")) {
            texts.add(example.text());
        }
        Analyser analyser = new Analyser();
        measure(analyser, "short", texts, seconds);
        measure(analyser, "1 KiB", padded(texts, 1024), seconds);
    }

    static List<String> padded(List<String> texts, int length) {
        List<String> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            StringBuilder b = new StringBuilder(text);
            while (b.length() < length) {
                b.append(' ').append(text);
            }
            out.add(b.substring(0, length));
        }
        return out;
    }

    private static void measure(Analyser analyser, String name, List<String> texts, double seconds) {
        run(analyser, texts, seconds);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long n = run(analyser, texts, seconds);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf("%-6s %,8.0f texts/s, %,8.0f texts per CPU-second (one thread, %.0f s after %.0f s warm-up)%n",
                name, n / seconds, n / cpuSeconds, seconds, seconds);
    }

    private static long run(Analyser analyser, List<String> texts, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        int i = 0;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 100; k++) {
                if (analyser.analyse(texts.get(i++ % texts.size()), null) == null) {
                    throw new IllegalStateException("no analysis");
                }
                n++;
            }
        }
        return n;
    }
}
