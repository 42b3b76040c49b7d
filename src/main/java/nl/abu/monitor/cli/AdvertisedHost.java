package nl.abu.monitor.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;

/** The host name other instances use to reach this instance's HTTP server (its {@code application.server}). */
final class AdvertisedHost {
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");

    private AdvertisedHost() {
    }

    /**
     * The configured host if any; else the bind host, unless that is a wildcard, which no one can connect to:
     * then this machine's address (in a container: the pod's IP), or loopback if the machine has no usable name.
     */
    static String of(Optional<String> configured, String bindHost) {
        if (configured.isPresent()) {
            return configured.get();
        }
        if (!WILDCARDS.contains(bindHost)) {
            return bindHost;
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress().getHostAddress();
        }
    }
}
