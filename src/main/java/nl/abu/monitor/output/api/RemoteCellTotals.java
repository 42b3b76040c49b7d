package nl.abu.monitor.output.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;

/** Asks another instance for the cell totals of the partitions it was given, on {@code /api/internal/indicators}. */
final class RemoteCellTotals {
    static final String PATH = "/api/internal/indicators";

    private final HttpClient client;
    private final Duration timeout;

    RemoteCellTotals(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** Completes with the totals, or exceptionally with {@link IndicatorsUnavailable} naming the instance. */
    CompletableFuture<List<CellTotal>> read(HostInfo host, PartitionSelection partitions, IndicatorFilter filter) {
        Map<String, String> query = new LinkedHashMap<>(filter.toQuery());
        query.putAll(partitions.toQuery());
        URI uri = URI.create("http://" + hostPart(host.host()) + ":" + host.port() + PATH + "?"
                + QueryString.encode(query));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    if (error != null) {
                        throw new CompletionException(new IndicatorsUnavailable("instance " + host
                                + " did not answer: " + rootOf(error), error));
                    }
                    if (response.statusCode() != 200) {
                        throw new CompletionException(new IndicatorsUnavailable("instance " + host + " answered "
                                + response.statusCode() + ": " + response.body().strip()));
                    }
                    try {
                        return CellTotalsJson.read(response.body());
                    } catch (Exception e) {
                        throw new CompletionException(new IndicatorsUnavailable("instance " + host
                                + " answered something other than cell totals: " + e.getMessage(), e));
                    }
                });
    }

    private static String hostPart(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String rootOf(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
