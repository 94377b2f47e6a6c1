package org.openmaces.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.runtime.queue.PersistentQueue;

/**
 * Security (issue 8): queued records are copies of the events, so no queue file may be readable by anyone
 * but the agent's user, whatever the umask and whatever state an existing queue directory is in. A saved
 * queue ({@code CacheDir/NAME.q}) must be private from the moment it is created, not only after it is
 * written: a chmod after the write leaves a moment in which another user can open it.
 */
class QueueFilePermissionsTest {
    @TempDir
    Path directory;

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static LogRecord record(String text) {
        LogRecord record = new LogRecord();
        record.set(CoreFields.RAW_EVENT, text);
        return record;
    }

    @Test
    void shouldKeepEveryPersistentQueueFilePrivateEvenInAnExistingOpenDirectory() throws Exception {
        Path queueDirectory = directory.resolve("out.queue");
        Files.createDirectories(queueDirectory);
        Files.setPosixFilePermissions(queueDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (PersistentQueue queue = new PersistentQueue(queueDirectory, 100, false)) {
            queue.offer(new LogRecord[] {record("secret event")}, 1);
        }
        assertEquals("rwx------", permissions(queueDirectory));
        try (Stream<Path> files = Files.list(queueDirectory)) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", permissions(file), file.toString());
            }
        }
    }

    @Test
    void shouldCreateASavedQueuePrivateFromTheStart() throws Exception {
        QueueStore store = new QueueStore(directory.resolve("cache"));
        store.save("out", List.of(record("secret event")));
        assertEquals("rw-------", permissions(store.fileFor("out")));
        // The temporary file is created with the final mode: leave one behind as a crash would and look.
        Path temporary = store.fileFor("out").resolveSibling("out.q.tmp");
        assertEquals(false, Files.exists(temporary));
        QueueStore.Loaded loaded = store.load("out");
        assertEquals("secret event", loaded.records().get(0).getString(CoreFields.RAW_EVENT));
    }
}
