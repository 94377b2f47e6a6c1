package org.openmaces.core.runtime.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.openmaces.core.framing.BinaryRecordFormat;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.record.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A disk-backed {@link RecordQueue} ({@code PersistLogqueue TRUE}): records survive a restart and, since
 * every offered batch is handed to the kernel before {@code offer} returns, a crash of the agent; with
 * {@code SyncLogqueue TRUE} each batch is also fsynced, so they survive a power loss.
 *
 * <p>Layout of the queue directory:
 * <pre>
 *   00000000000000000001.seg   segments of entries, rotated at {@link #SEGMENT_LIMIT} bytes
 *   checkpoint                 two 48-byte slots, written alternately:
 *                              [u64 sequence][u64 ack segment][u64 ack offset]
 *                              [u64 taken segment][u64 taken offset][u32 crc32c of the 40 bytes before][u32 0]
 * entry: [u32 LE payload length][u32 LE crc32c of payload][payload = NXLog binary record payload]
 * </pre>
 * The "ack" position is the first record not yet acknowledged; "taken" is the end of what the consumer
 * took. Records between them at start-up were being delivered when the agent stopped: they are delivered
 * again and reported as possible duplicates.
 *
 * <p>A corrupt segment is never fatal: the valid records before the damage are kept, the damaged file is
 * moved aside as {@code NAME.corrupt-TIMESTAMP} for inspection, and an error names it.
 */
public final class PersistentQueue implements RecordQueue {
    static final long SEGMENT_LIMIT = 64L << 20;
    private static final int ENTRY_HEADER = 8;
    private static final int MAX_ENTRY = 256 << 20;
    private static final int SLOT_LENGTH = 48;
    private static final Logger LOG = LoggerFactory.getLogger(PersistentQueue.class);

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> PRIVATE_DIRECTORY =
            PosixFilePermissions.fromString("rwx------");
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> PRIVATE_FILE =
            PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final boolean posix;
    private final int capacity;
    private final int lowWaterMark;
    private final boolean sync;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ByteSink encoded = new ByteSink(64 * 1024);
    private final CRC32C crc = new CRC32C();
    private final FileChannel checkpoint;
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private FileChannel writeChannel;
    private long writeSegment;
    private long writeOffset;
    private FileChannel readChannel;
    private long readChannelSegment = -1;
    private Position ack;
    private Position taken;
    private Position next;
    private long checkpointSequence;
    private int queued;
    private int inFlight;
    private boolean wakeRequested;
    private volatile int size;
    private volatile int waiting;
    private volatile Runnable drainListener = () -> { };
    private final long possibleDuplicates;
    private final long discardedAtOpen;

    private record Position(long segment, long offset) {
    }

    /**
     * Opens (or creates) the queue in {@code directory}, checking every stored record.
     *
     * @throws IOException when the directory cannot be created or written (a config problem: the message
     *                     names the directory)
     */
    public PersistentQueue(Path directory, int capacity, boolean sync) throws IOException {
        this.directory = directory;
        this.capacity = capacity;
        this.lowWaterMark = Math.max(1, capacity * 7 / 10);
        this.sync = sync;
        boolean posix = Files.getFileAttributeView(directory.toAbsolutePath().getParent(),
                java.nio.file.attribute.PosixFileAttributeView.class) != null;
        if (posix) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
            // An existing directory keeps the mode it had: queued records are copies of events, keep them private.
            Files.setPosixFilePermissions(directory, PRIVATE_DIRECTORY);
        } else {
            Files.createDirectories(directory);
        }
        this.posix = posix;
        checkpoint = openPrivate(directory.resolve("checkpoint"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().matches("\\d{20}\\.seg"))
                    .forEach(file -> segments.put(Long.parseLong(file.getFileName().toString().substring(0, 20)), file));
        }
        Position[] stored = readCheckpoint();
        ack = stored[0];
        Position storedTaken = stored[1];
        long[] counts = scan(storedTaken);
        queued = (int) counts[0];
        possibleDuplicates = counts[1];
        discardedAtOpen = counts[2];
        size = queued;
        waiting = queued;
        next = ack;
        taken = ack;
        if (segments.isEmpty()) {
            segments.put(1L, segmentPath(1));
        }
        writeSegment = segments.lastKey();
        openWriteChannel();
        writeCheckpoint();
    }

    /** Records at start-up that were being delivered when the agent stopped (delivered again). */
    public long possibleDuplicates() {
        return possibleDuplicates;
    }

    /** Records lost at start-up to damaged or partly written queue files (each reported as an error). */
    public long discardedAtOpen() {
        return discardedAtOpen;
    }

    private Path segmentPath(long index) {
        return directory.resolve(String.format("%020d.seg", index));
    }

    private void openWriteChannel() throws IOException {
        Path path = segments.computeIfAbsent(writeSegment, this::segmentPath);
        writeChannel = openPrivate(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        writeOffset = writeChannel.size();
        writeChannel.position(writeOffset);
    }

    /** Opens a queue file, created with mode 0600 (and set to it if it existed with another). */
    private FileChannel openPrivate(Path path, StandardOpenOption... options) throws IOException {
        if (!posix) {
            return FileChannel.open(path, options);
        }
        FileChannel channel = FileChannel.open(path, java.util.Set.of(options),
                PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
        if (!Files.getPosixFilePermissions(path).equals(PRIVATE_FILE)) {
            Files.setPosixFilePermissions(path, PRIVATE_FILE);
        }
        return channel;
    }

    /** Reads the checkpoint: {ack, taken}; both at the start of the first segment when there is none. */
    private Position[] readCheckpoint() throws IOException {
        Position start = new Position(segments.isEmpty() ? 1 : segments.firstKey(), 0);
        if (checkpoint.size() < SLOT_LENGTH) {
            return new Position[] {start, start};
        }
        Position[] best = null;
        long bestSequence = -1;
        ByteBuffer slot = ByteBuffer.allocate(SLOT_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 2; i++) {
            slot.clear();
            if (checkpoint.read(slot, (long) i * SLOT_LENGTH) < SLOT_LENGTH) {
                continue;
            }
            crc.reset();
            crc.update(slot.array(), 0, 40);
            if ((int) crc.getValue() != slot.getInt(40)) {
                continue;
            }
            long sequence = slot.getLong(0);
            if (sequence > bestSequence) {
                bestSequence = sequence;
                best = new Position[] {new Position(slot.getLong(8), slot.getLong(16)),
                        new Position(slot.getLong(24), slot.getLong(32))};
            }
        }
        if (best == null) {
            Path aside = setAside(directory.resolve("checkpoint"));
            LOG.error("the checkpoint of persistent queue {} is damaged; it was moved to {} and every stored record"
                    + " will be delivered again (possible duplicates)", directory, aside);
            return new Position[] {start, start};
        }
        checkpointSequence = bestSequence;
        return best;
    }

    /**
     * Drops segments before the ack position, validates every entry after it, repairs damage, and returns
     * {records queued, records between ack and taken, records discarded}.
     */
    private long[] scan(Position storedTaken) throws IOException {
        long records = 0;
        long duplicates = 0;
        long discarded = 0;
        for (Long index : new ArrayList<>(segments.keySet())) {
            if (index < ack.segment) {
                Files.deleteIfExists(segments.remove(index));
            }
        }
        if (!segments.isEmpty() && ack.segment < segments.firstKey()) {
            ack = new Position(segments.firstKey(), 0);
        }
        for (Long index : new ArrayList<>(segments.keySet())) {
            Path path = segments.get(index);
            long offset = index == ack.segment ? ack.offset : 0;
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long length = channel.size();
                ByteBuffer header = ByteBuffer.allocate(ENTRY_HEADER).order(ByteOrder.LITTLE_ENDIAN);
                while (offset < length) {
                    String damage = null;
                    header.clear();
                    if (length - offset < ENTRY_HEADER) {
                        damage = "partly written record header";
                    } else {
                        channel.read(header, offset);
                        int payloadLength = header.getInt(0);
                        if (payloadLength < 2 || payloadLength > MAX_ENTRY) {
                            damage = "impossible record length " + Integer.toUnsignedString(payloadLength);
                        } else if (offset + ENTRY_HEADER + payloadLength > length) {
                            damage = "partly written record";
                        } else {
                            ByteBuffer payload = ByteBuffer.allocate(payloadLength);
                            channel.read(payload, offset + ENTRY_HEADER);
                            crc.reset();
                            crc.update(payload.array(), 0, payloadLength);
                            if ((int) crc.getValue() != header.getInt(4)) {
                                damage = "checksum mismatch";
                            } else {
                                if (storedTaken != null && before(new Position(index, offset), storedTaken)) {
                                    duplicates++;
                                }
                                records++;
                                offset += ENTRY_HEADER + payloadLength;
                                continue;
                            }
                        }
                    }
                    // A record cut short at the end of the newest file is what a crash while writing leaves;
                    // damage elsewhere can look the same, so the discarded bytes are kept aside either way.
                    boolean tail = index.equals(segments.lastKey()) && damage.startsWith("partly written");
                    if (tail) {
                        Path aside = repair(path, channel, offset);
                        LOG.warn("persistent queue {}: discarded a partly written record at the end of {} (the agent"
                                + " stopped while writing it); the file as it was is kept as {}", directory, path, aside);
                        discarded++;
                    } else {
                        Path aside = repair(path, channel, offset);
                        LOG.error("persistent queue {}: {} is damaged at offset {} ({}); the {} records before that"
                                + " point are kept, the rest of the file was moved to {} and is not delivered",
                                directory, path, offset, damage, records, aside);
                        discarded++;
                    }
                    break;
                }
            }
        }
        return new long[] {records, duplicates, discarded};
    }

    private static boolean before(Position a, Position b) {
        return a.segment < b.segment || a.segment == b.segment && a.offset < b.offset;
    }

    /** Moves the damaged file aside and keeps its first {@code validLength} bytes under the original name. */
    private Path repair(Path path, FileChannel channel, long validLength) throws IOException {
        Path aside = setAsidePath(path);
        Files.copy(path, aside, StandardCopyOption.COPY_ATTRIBUTES);
        channel.truncate(validLength);
        return aside;
    }

    private static Path setAside(Path path) throws IOException {
        Path aside = setAsidePath(path);
        Files.move(path, aside);
        return aside;
    }

    private static Path setAsidePath(Path path) {
        return path.resolveSibling(path.getFileName() + ".corrupt-" + System.currentTimeMillis());
    }

    private void writeCheckpoint() throws IOException {
        checkpointSequence++;
        ByteBuffer slot = ByteBuffer.allocate(SLOT_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        slot.putLong(0, checkpointSequence);
        slot.putLong(8, ack.segment);
        slot.putLong(16, ack.offset);
        slot.putLong(24, taken.segment);
        slot.putLong(32, taken.offset);
        crc.reset();
        crc.update(slot.array(), 0, 40);
        slot.putInt(40, (int) crc.getValue());
        checkpoint.write(slot, (checkpointSequence % 2) * SLOT_LENGTH);
        if (sync) {
            checkpoint.force(false);
        }
    }

    @Override
    public void offer(LogRecord[] records, int count) throws IOException {
        if (count == 0) {
            return;
        }
        lock.lock();
        try {
            append(records, count);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int offerOrDrop(LogRecord[] records, int count, boolean dropOldest) throws IOException {
        // Dropping the oldest record of a disk queue would mean rewriting it; a full persistent queue drops
        // the new records instead (and the caller counts them).
        lock.lock();
        try {
            int room = Math.max(0, capacity - queued);
            int accepted = Math.min(room, count);
            append(records, accepted);
            if (accepted > 0) {
                notEmpty.signal();
            }
            return count - accepted;
        } finally {
            lock.unlock();
        }
    }

    private void append(LogRecord[] records, int count) throws IOException {
        if (count == 0) {
            return;
        }
        encoded.reset();
        for (int i = 0; i < count; i++) {
            int start = encoded.length();
            encoded.write(0).write(0).write(0).write(0).write(0).write(0).write(0).write(0);
            BinaryRecordFormat.writePayload(records[i], encoded);
            int payloadLength = encoded.length() - start - ENTRY_HEADER;
            crc.reset();
            crc.update(encoded.array(), start + ENTRY_HEADER, payloadLength);
            ByteBuffer.wrap(encoded.array(), start, ENTRY_HEADER).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(payloadLength).putInt((int) crc.getValue());
        }
        if (writeOffset > 0 && writeOffset + encoded.length() > SEGMENT_LIMIT) {
            rotate();
        }
        ByteBuffer bytes = ByteBuffer.wrap(encoded.array(), 0, encoded.length());
        try {
            while (bytes.hasRemaining()) {
                writeChannel.write(bytes);
            }
            if (sync) {
                writeChannel.force(false);
            }
        } catch (IOException e) {
            // All or nothing: a write cut short (a full disk writes what fits, then fails) must not leave part
            // of an entry for the next append to follow; the reader would take the next entry's bytes for the
            // rest of this one. Cut the segment back so the caller can offer the same records again.
            try {
                writeChannel.truncate(writeOffset);
                writeChannel.position(writeOffset);
            } catch (IOException ignored) {
                // Then the entry stays partial; the checksum check at the next start finds and reports it.
            }
            throw new IOException("cannot write to " + describe() + ": " + e.getMessage(), e);
        }
        writeOffset += encoded.length();
        queued += count;
        size = queued + inFlight;
        waiting = queued;
    }

    /** Starts the next segment; if it cannot be created the current one stays the one written to. */
    private void rotate() throws IOException {
        long previous = writeSegment;
        FileChannel previousChannel = writeChannel;
        writeSegment++;
        try {
            openWriteChannel();
        } catch (IOException e) {
            segments.remove(writeSegment);
            writeSegment = previous;
            writeChannel = previousChannel;
            throw new IOException("cannot start a new segment of " + describe() + ": " + e.getMessage(), e);
        }
        previousChannel.close();
    }

    @Override
    public int take(LogRecord[] into, int max, long waitNanos) throws IOException, InterruptedException {
        boolean drained;
        int count = 0;
        lock.lock();
        try {
            if (inFlight != 0) {
                throw new IllegalStateException("take() before the previous " + inFlight + " records were acknowledged");
            }
            long remaining = waitNanos;
            while (queued == 0 && !wakeRequested && remaining > 0) {
                remaining = notEmpty.awaitNanos(remaining);
            }
            wakeRequested = false;
            int before = queued;
            while (count < max && queued > 0) {
                LogRecord record = readAt(next);
                if (record == null) {
                    break;
                }
                into[count++] = record;
                queued--;
                inFlight++;
            }
            if (count > 0) {
                taken = next;
                writeCheckpoint();
            }
            drained = queued < before && (before >= lowWaterMark && queued < lowWaterMark || queued == 0);
        } finally {
            waiting = queued;
            lock.unlock();
        }
        if (drained) {
            drainListener.run();
        }
        return count;
    }

    /** Reads the entry at {@code position} and advances {@link #next} past it; null if none (a bug). */
    private LogRecord readAt(Position position) throws IOException {
        Position at = position;
        while (true) {
            if (at.segment > writeSegment) {
                return null;
            }
            FileChannel channel = readChannel(at.segment);
            if (channel == null || at.offset >= channel.size()) {
                Long following = segments.higherKey(at.segment);
                if (following == null) {
                    return null;
                }
                at = new Position(following, 0);
                continue;
            }
            ByteBuffer header = ByteBuffer.allocate(ENTRY_HEADER).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header, at.offset);
            int payloadLength = header.getInt(0);
            ByteBuffer payload = ByteBuffer.allocate(payloadLength);
            while (payload.hasRemaining()) {
                if (channel.read(payload, at.offset + ENTRY_HEADER + payload.position()) < 0) {
                    throw new IOException("queue file " + segments.get(at.segment) + " ended inside a record");
                }
            }
            payload.flip();
            next = new Position(at.segment, at.offset + ENTRY_HEADER + payloadLength);
            try {
                return BinaryRecordFormat.readPayload(payload);
            } catch (BinaryRecordFormat.MalformedRecordException e) {
                // The checksum matched, so this is a format bug rather than disk damage; skip and report.
                LOG.error("persistent queue {}: cannot decode the record at {}:{} ({}); it is skipped", directory,
                        segments.get(at.segment), at.offset, e.getMessage());
                at = next;
                queued--;
            }
        }
    }

    private FileChannel readChannel(long segment) throws IOException {
        if (readChannelSegment != segment) {
            if (readChannel != null) {
                readChannel.close();
                readChannel = null;
            }
            Path path = segments.get(segment);
            if (path == null) {
                return null;
            }
            readChannel = FileChannel.open(path, StandardOpenOption.READ);
            readChannelSegment = segment;
        }
        return readChannel;
    }

    @Override
    public void acknowledge(int count) throws IOException {
        lock.lock();
        try {
            if (count != inFlight) {
                throw new IllegalStateException("acknowledging " + count + " records but " + inFlight + " are in flight");
            }
            inFlight = 0;
            ack = next;
            taken = next;
            writeCheckpoint();
            for (Long index : new ArrayList<>(segments.headMap(ack.segment).keySet())) {
                if (index == readChannelSegment) {
                    readChannel.close();
                    readChannel = null;
                    readChannelSegment = -1;
                }
                Files.deleteIfExists(segments.remove(index));
            }
            size = queued;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int waiting() {
        return waiting;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public void wakeConsumer() {
        lock.lock();
        try {
            wakeRequested = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setDrainListener(Runnable listener) {
        drainListener = listener;
    }

    @Override
    public String describe() {
        return "persistent queue " + directory;
    }

    /** The segment files currently holding records (tests). */
    List<Path> segmentFiles() {
        lock.lock();
        try {
            return new ArrayList<>(segments.values());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            writeCheckpoint();
            checkpoint.force(true);
            writeChannel.force(true);
            writeChannel.close();
            checkpoint.close();
            if (readChannel != null) {
                readChannel.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
