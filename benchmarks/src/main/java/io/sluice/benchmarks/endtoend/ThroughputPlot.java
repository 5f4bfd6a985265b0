package io.sluice.benchmarks.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Records per second over the course of each run, as a PNG line chart. */
final class ThroughputPlot {

    private static final double WINDOW_SECONDS = 1.0;

    private ThroughputPlot() {
    }

    /** Writes one line per run ({@code series}: run name to the probe's samples) to {@code png}. */
    static void write(Path png, String title, Map<String, List<StatusProbe.Sample>> series) throws IOException {
        XYChart chart = new XYChartBuilder().width(1000).height(520).title(title)
                .xAxisTitle("seconds since the run started").yAxisTitle("records completed per second").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        series.forEach((name, samples) -> {
            List<double[]> rates = rates(samples);
            if (rates.size() > 1) {
                XYSeries line = chart.addSeries(name, rates.stream().mapToDouble(r -> r[0]).toArray(),
                        rates.stream().mapToDouble(r -> r[1]).toArray());
                line.setMarker(SeriesMarkers.NONE);
            }
        });
        Files.createDirectories(png.toAbsolutePath().getParent());
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** The rate over the trailing second at each sample, from the records completed so far. */
    static List<double[]> rates(List<StatusProbe.Sample> samples) {
        List<double[]> rates = new ArrayList<>();
        int from = 0;
        for (int i = 1; i < samples.size(); i++) {
            StatusProbe.Sample now = samples.get(i);
            while (from < i - 1 && now.seconds() - samples.get(from + 1).seconds() >= WINDOW_SECONDS) {
                from++;
            }
            StatusProbe.Sample then = samples.get(from);
            double span = now.seconds() - then.seconds();
            if (span > 0) {
                rates.add(new double[] {now.seconds(), (now.recordsCompleted() - then.recordsCompleted()) / span});
            }
        }
        return rates;
    }
}
