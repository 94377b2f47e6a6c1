package org.openmaces.core.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.openmaces.core.framing.BinaryRecordFormat;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.record.LogRecord;

/**
 * Saves what is left in a memory queue at shutdown to {@code CacheDir/<instance>.q} and loads it back at
 * the next start (config spec §6.4): repeated {@code [uint32 LE length][binary record payload]}. The file
 * is written next to its final name and renamed, so a crash while saving leaves the previous state.
 */
final class QueueStore {
    private final Path directory;

    QueueStore(Path directory) {
        this.directory = directory;
    }

    Path fileFor(String instanceName) {
        return directory.resolve(instanceName + ".q");
    }

    void save(String instanceName, List<LogRecord> records) throws IOException {
        Files.createDirectories(directory);
        ByteSink sink = new ByteSink(64 * 1024);
        for (LogRecord record : records) {
            int start = sink.length();
            sink.write(0).write(0).write(0).write(0);
            BinaryRecordFormat.writePayload(record, sink);
            int length = sink.length() - start - 4;
            ByteBuffer.wrap(sink.array(), start, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(length);
        }
        Path target = fileFor(instanceName);
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        // Private from its creation: a chmod after writing would leave a moment in which others could read it.
        Files.deleteIfExists(temporary);
        boolean posix = Files.getFileAttributeView(directory, java.nio.file.attribute.PosixFileAttributeView.class) != null;
        try (var channel = posix
                ? java.nio.channels.FileChannel.open(temporary, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : java.nio.channels.FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(sink.array(), 0, sink.length());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Loads and deletes the saved queue of an instance; empty when there is none. A damaged file is moved
     * aside (named in the exception) after the records before the damage were read.
     */
    Loaded load(String instanceName) throws IOException {
        Path file = fileFor(instanceName);
        if (!Files.exists(file)) {
            return new Loaded(List.of(), null);
        }
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<LogRecord> records = new ArrayList<>();
        String damage = null;
        while (buffer.hasRemaining()) {
            if (buffer.remaining() < 4) {
                damage = "ends inside a length prefix";
                break;
            }
            int length = buffer.getInt();
            if (length < 2 || length > buffer.remaining()) {
                damage = "record length " + Integer.toUnsignedString(length) + " does not fit";
                break;
            }
            ByteBuffer payload = buffer.slice(buffer.position(), length);
            buffer.position(buffer.position() + length);
            try {
                records.add(BinaryRecordFormat.readPayload(payload));
            } catch (BinaryRecordFormat.MalformedRecordException e) {
                damage = e.getMessage();
                break;
            }
        }
        if (damage != null) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
            Files.move(file, aside);
            return new Loaded(records, "saved queue " + file + " is damaged after " + records.size() + " records ("
                    + damage + "); it was moved to " + aside);
        }
        Files.delete(file);
        return new Loaded(records, null);
    }

    /** Records read back, and a description of damage when the file was set aside (else null). */
    record Loaded(List<LogRecord> records, String damage) {
    }
}
