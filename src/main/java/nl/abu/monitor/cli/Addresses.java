package nl.abu.monitor.cli;

import nl.abu.monitor.output.api.MonitorHttpServer;

/** The {@code name: url} lines a running instance prints, one per address. */
final class Addresses {
    private Addresses() {
    }

    static void print(String bootstrapServers, String registryUrl, MonitorHttpServer http) {
        System.out.println("bootstrap: " + bootstrapServers);
        System.out.println("registry: " + registryUrl);
        System.out.println("metrics: " + http.baseUrl() + "/metrics");
        System.out.println("api: " + http.baseUrl() + "/api/indicators");
        System.out.flush();
    }
}
