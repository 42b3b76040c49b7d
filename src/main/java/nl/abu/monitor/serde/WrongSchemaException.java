package nl.abu.monitor.serde;

/** The record was written with another record type's schema, e.g. a record of another topic. */
public class WrongSchemaException extends AvroSerdeException {

    public WrongSchemaException(String message) {
        super(Reason.WRONG_SCHEMA, message, null);
    }
}
