package nl.abu.monitor.tools.jsonl;

/** Why a line cannot become a record. Thrown per bad line, so it carries no stack trace. */
final class InvalidLineException extends Exception {

    InvalidLineException(String reason) {
        super(reason, null, false, false);
    }

    /** The same problem seen from the enclosing field, e.g. {@code field 'sector': unknown symbol, expected one of ...}. */
    InvalidLineException inField(String fieldName) {
        return new InvalidLineException("field '" + fieldName + "': " + getMessage());
    }
}
