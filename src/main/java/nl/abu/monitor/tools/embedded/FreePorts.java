package nl.abu.monitor.tools.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports that nobody listens on right now. */
final class FreePorts {

    private FreePorts() {
    }

    /** {@code requested}, or a free port when it is 0. */
    static int orFree(int requested) {
        return requested == 0 ? pick() : requested;
    }

    static int pick() {
        // The port is free only until someone else takes it; the services fail loudly then.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
