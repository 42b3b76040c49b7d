package nl.abu.monitor.tools.jsonl;

/** A line that cannot become a record; it is reported and skipped, the rest of the file goes on. */
public record LineError(String fileName, long lineNumber, String reason) implements JsonLine {

    /** The report form, e.g. {@code abu.worker-stays.v1.jsonl:17: field 'sector': not a date YYYY-MM-DD}. */
    public String message() {
        return fileName + ":" + lineNumber + ": " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
