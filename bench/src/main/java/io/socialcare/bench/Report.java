package io.socialcare.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The benchmark report: Markdown with every figure beside its limit or target, and PNG charts.
 */
final class Report {

    private final StringBuilder md = new StringBuilder();
    private final Path dir;

    Report(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    Report line(String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
        return this;
    }

    Report heading(String title) {
        md.append('\n').append("## ").append(title).append("\n\n");
        return this;
    }

    Report table(String... header) {
        md.append("| ").append(String.join(" | ", header)).append(" |\n");
        md.append("|").append("---|".repeat(header.length)).append('\n');
        return this;
    }

    Report row(Object... cells) {
        List<String> out = new ArrayList<>();
        for (Object c : cells) {
            out.add(c instanceof Double d ? fmt(d) : String.valueOf(c));
        }
        md.append("| ").append(String.join(" | ", out)).append(" |\n");
        return this;
    }

    /** A line chart saved as {@code name}.png and linked from the report. */
    Report chart(String name, String title, String xTitle, String yTitle, double[] x, List<String> series,
            List<double[]> ys) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        chart.getStyler().setMarkerSize(8);
        for (int i = 0; i < series.size(); i++) {
            chart.addSeries(series.get(i), x, ys.get(i)).setMarker(SeriesMarkers.CIRCLE);
        }
        BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        md.append("\n![").append(title).append("](").append(name).append(".png)\n");
        return this;
    }

    void write() throws IOException {
        Files.writeString(dir.resolve("report.md"), md.toString(), StandardCharsets.UTF_8);
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(double value, double limit) {
        return Double.isNaN(value) || Double.isNaN(limit) || limit == 0 ? "n/a"
                : String.format(Locale.ROOT, "%.2f", value / limit);
    }

    static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }
}
