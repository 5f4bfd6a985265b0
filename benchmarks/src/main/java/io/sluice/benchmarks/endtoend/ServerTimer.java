package io.sluice.benchmarks.endtoend;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the server itself took to answer one route, from the {@code http_server_requests_seconds}
 * histogram it publishes on {@code /prometheus}: the bucket counts read before and after a run are
 * that run's calls, and a percentile is the upper bound of the bucket it falls in. Beside the
 * caller's own timing this tells the server's time from the waiting for a processor around it.
 */
final class ServerTimer {

    private static final Pattern BUCKET = Pattern.compile("^http_server_requests_seconds_bucket\\{(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** The route's cumulative bucket counts at one moment, by upper bound in seconds (+Inf last). */
    record Buckets(TreeMap<Double, Double> counts) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ServerProcess server;
    private final String method;
    private final String uri;

    /** {@code uri}: the route as the server names it, {@code /{tenant}/api/v4/batch/{id}/status}. */
    ServerTimer(ServerProcess server, String method, String uri) {
        this.server = server;
        this.method = method;
        this.uri = uri;
    }

    Buckets read() throws IOException, InterruptedException {
        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(server.url().resolve("/prometheus"))
                .header("x-synthetic-key", ServerProcess.API_KEY).header("x-tenant-name", ServerProcess.TENANT)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (scrape.statusCode() != 200) {
            throw new IllegalStateException("GET /prometheus answered " + scrape.statusCode());
        }
        return parse(scrape.body());
    }

    Buckets parse(String exposition) {
        TreeMap<Double, Double> counts = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            Matcher sample = BUCKET.matcher(line);
            if (sample.matches()) {
                Map<String, String> labels = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(1));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                if (method.equals(labels.get("method")) && uri.equals(labels.get("uri")) && "200".equals(labels.get("status"))) {
                    double le = "+Inf".equals(labels.get("le")) ? Double.POSITIVE_INFINITY : Double.parseDouble(labels.get("le"));
                    counts.merge(le, Double.parseDouble(sample.group(2)), Double::sum);
                }
            }
        }
        return new Buckets(counts);
    }

    /**
     * The upper bound, in milliseconds, of the bucket holding the {@code percentile}th call made
     * between {@code before} and {@code after}; NaN when there was none, infinite beyond the last bound.
     */
    static double percentileMillis(Buckets before, Buckets after, double percentile) {
        double total = after.counts().getOrDefault(Double.POSITIVE_INFINITY, 0d)
                - before.counts().getOrDefault(Double.POSITIVE_INFINITY, 0d);
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = Math.ceil(percentile / 100 * total);
        for (Map.Entry<Double, Double> bucket : after.counts().entrySet()) {
            double calls = bucket.getValue() - before.counts().getOrDefault(bucket.getKey(), 0d);
            if (calls >= rank) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
