package nl.abu.monitor.tools.publish;

import java.util.Map;
import java.util.TreeMap;

/** What a publish run did: records sent per topic, and lines refused. */
public final class PublishSummary {
    private final Map<String, Long> published = new TreeMap<>();
    private long badLines;

    void countPublished(String topic) {
        published.merge(topic, 1L, Long::sum);
    }

    void countBad() {
        badLines++;
    }

    public long published() {
        return published.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> publishedByTopic() {
        return Map.copyOf(published);
    }

    public long badLines() {
        return badLines;
    }

    @Override
    public String toString() {
        return "published " + published() + " records " + published + ", refused " + badLines + " lines";
    }
}
