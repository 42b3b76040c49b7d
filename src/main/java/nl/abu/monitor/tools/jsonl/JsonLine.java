package nl.abu.monitor.tools.jsonl;

/** One non-blank line of a topic's JSON-lines file: either a record or the reason it could not become one. */
public sealed interface JsonLine permits ParsedRecord, LineError {

    String fileName();

    long lineNumber();
}
