package nl.abu.monitor.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * What the stopped pipeline's RocksDB stores hold: the keys and values that are live, without what an LSM tree keeps
 * on disk until it compacts (overwritten values, deletion markers), which is why the bytes on disk alone cannot say
 * whether the state stopped growing. Each store is opened read-only after the pipeline has stopped.
 */
final class StoreContents {
    /** A store's live entries and their key and value bytes. */
    record Live(long entries, long bytes) {
        Live plus(Live other) {
            return new Live(entries + other.entries, bytes + other.bytes);
        }
    }

    private StoreContents() {
    }

    /** The live entries of every RocksDB store under the state dir, by store name, summed over the tasks. */
    static Map<String, Live> liveByStore(Path stateDir) {
        RocksDB.loadLibrary();
        Map<String, Live> live = new TreeMap<>();
        for (Path store : storeDirs(stateDir)) {
            live.merge(store.getFileName().toString(), read(store), Live::plus);
        }
        return live;
    }

    static long liveBytes(Map<String, Live> byStore) {
        return byStore.values().stream().mapToLong(Live::bytes).sum();
    }

    private static Live read(Path store) {
        long entries = 0;
        long bytes = 0;
        try (Options options = new Options(); RocksDB db = RocksDB.openReadOnly(options, store.toString());
                RocksIterator it = db.newIterator()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                entries++;
                bytes += it.key().length + it.value().length;
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException("Cannot read the store in " + store, e);
        }
        return new Live(entries, bytes);
    }

    /** {@code <app>/<task>/rocksdb/<store>} directories. */
    private static List<Path> storeDirs(Path stateDir) {
        if (!Files.exists(stateDir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(stateDir, 4)) {
            return paths.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("rocksdb")
                    && Files.isDirectory(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
