package nl.abu.monitor.serde;

/** The Avro body does not decode with the schema its header names. */
public class UndecodableAvroException extends AvroSerdeException {

    public UndecodableAvroException(String message, Throwable cause) {
        super(Reason.UNDECODABLE, message, cause);
    }
}
