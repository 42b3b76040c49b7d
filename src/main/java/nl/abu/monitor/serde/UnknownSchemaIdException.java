package nl.abu.monitor.serde;

/** The registry does not know the schema id a record names (HTTP 404, error code 40403). */
public class UnknownSchemaIdException extends AvroSerdeException {

    private final int schemaId;

    public UnknownSchemaIdException(int schemaId) {
        super(Reason.UNKNOWN_SCHEMA_ID, "Schema id " + schemaId + " is not known to the schema registry", null);
        this.schemaId = schemaId;
    }

    public int schemaId() {
        return schemaId;
    }
}
