package nl.abu.monitor.serde;

import java.nio.ByteBuffer;

/** Confluent's framing: magic byte 0, then the schema id as a 4-byte big-endian int, then Avro. */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    static int schemaIdOf(byte[] bytes) {
        if (bytes.length < HEADER_LENGTH) {
            throw new NotWireFormatException("Record of " + bytes.length
                    + " bytes is too short for the schema registry wire format");
        }
        if (bytes[0] != MAGIC_BYTE) {
            throw new NotWireFormatException("Record does not start with magic byte 0 (found "
                    + (bytes[0] & 0xff) + "): not in schema registry wire format");
        }
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    static void writeHeader(int schemaId, java.io.ByteArrayOutputStream out) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }
}
