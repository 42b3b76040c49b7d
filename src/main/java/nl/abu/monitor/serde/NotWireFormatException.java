package nl.abu.monitor.serde;

/** The bytes do not start with the magic byte and a schema id. */
public class NotWireFormatException extends AvroSerdeException {

    public NotWireFormatException(String message) {
        super(Reason.UNDECODABLE, message, null);
    }
}
