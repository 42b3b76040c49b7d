package nl.abu.monitor.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.abu.monitor.tools.simulator.DisturbanceRates;
import nl.abu.monitor.tools.simulator.MemberEventSimulator;
import nl.abu.monitor.tools.simulator.SimulationConfig;
import nl.abu.monitor.tools.simulator.SimulationFolderWriter;

/**
 * What one member sends: the simulator's records (corrections, duplicates, stale versions and tombstones included,
 * no invalid lines) of the member with the most records, as a folder of {@code <topic>.jsonl} files.
 */
final class OneMemberDataset {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OneMemberDataset() {
    }

    /** Writes the member's files into {@code folder} and returns its memberId. */
    static String write(Path scratch, Path folder, long seed, double scale, LocalDate asOf) throws IOException {
        Path all = Files.createDirectories(scratch.resolve("all-members"));
        SimulationConfig config = new SimulationConfig(seed, scale, LocalDate.of(asOf.getYear() - 1, 1, 1), asOf,
                new DisturbanceRates(0.05, 0.04, 0.05, 0.04, 0, 0));
        SimulationFolderWriter.write(new MemberEventSimulator(config), all);
        List<Path> files;
        try (Stream<Path> list = Files.list(all)) {
            files = list.sorted().toList();
        }
        Map<String, Integer> linesByMember = new HashMap<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                linesByMember.merge(memberOf(line), 1, Integer::sum);
            }
        }
        String member = linesByMember.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Files.createDirectories(folder);
        for (Path file : files) {
            List<String> own = Files.readAllLines(file).stream().filter(l -> memberOf(l).equals(member)).toList();
            Files.write(folder.resolve(file.getFileName()), own);
        }
        return member;
    }

    private static String memberOf(String line) {
        try {
            String key = JSON.readTree(line).path("key").asText();
            int slash = key.indexOf('/');
            return slash < 0 ? key : key.substring(0, slash);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON line: " + line, e);
        }
    }
}
