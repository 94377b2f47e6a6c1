package org.openmaces.outputs.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.openmaces.core.doctor.Probes;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.framing.RecordFraming;
import org.openmaces.core.language.CompiledExpression;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.OutputInstance;
import org.openmaces.core.record.LogRecord;
import org.openmaces.outputs.framing.BatchWriter;
import org.slf4j.Logger;

/**
 * One om_file instance. Records are framed into a buffer that is written when it fills, when the File
 * expression switches files, and at the end of each batch; the runtime acknowledges the batch only after
 * {@link #flush()} returned (and, with Sync, after fsync), so a failed write keeps the records queued and
 * they are written again (at-least-once). A file that cannot be opened is an error naming it; its records
 * wait in the queue. A record whose File evaluates to undef or a non-string is not written: it is logged and
 * counted as lost.
 *
 * <p>The worker thread writes; {@code rotate_to()}, {@code reopen()}, {@code file_name()} and
 * {@code file_size()} may also run on the scheduler's thread, hence the lock on every method.
 */
final class FileOutput implements OutputInstance {
    private static final int WRITE_THRESHOLD = 256 * 1024;
    private final ModuleContext context;
    private final CompiledExpression fileExpression;
    private final FileSettings settings;
    private final BatchWriter batch;
    private final Logger logger;
    private final LongAdder unnamed;
    private final ByteSink buffer = new ByteSink(WRITE_THRESHOLD + 64 * 1024);
    /** Open files, least recently used first; the last one is {@link #current}. */
    private final LinkedHashMap<Path, FileChannel> open = new LinkedHashMap<>(8, 0.75f, true);
    private ExecutionContext execution;
    private String constantName;
    private Path current;

    FileOutput(ModuleContext context, CompiledExpression fileExpression, RecordFraming framing, FileSettings settings) {
        this.context = context;
        this.fileExpression = fileExpression;
        this.settings = settings;
        this.batch = new BatchWriter(framing);
        this.logger = context.logger();
        this.unnamed = context.lossCounter("records not written because File evaluated to undef or a non-string");
    }

    /** {@code nxlog doctor}: a constant File's directory must be writable (or creatable with CreateDir). */
    @Override
    public List<DoctorFinding> diagnose() {
        if (!fileExpression.isConstant()) {
            return List.of(DoctorFinding.ok("output file",
                    "file names are computed per record and cannot be checked in advance"));
        }
        try {
            ExecutionContext evaluation = context.newExecutionContext();
            evaluation.beginRecord(null);
            Object name = fileExpression.evaluate(evaluation);
            if (!(name instanceof String text) || text.isEmpty()) {
                return List.of(DoctorFinding.problem("output file",
                        "File evaluates to " + (name == null ? "undef" : "'" + name + "'"), "give File a file name"));
            }
            Path directory = resolve(text).toAbsolutePath().getParent();
            return List.of(Probes.writableDirectory("output file directory",
                    directory, settings.createDirectories()));
        } catch (ExecutionException e) {
            return List.of(DoctorFinding.problem("output file",
                    "File cannot be evaluated: " + e.getMessage(), "fix the File expression"));
        }
    }

    @Override
    public synchronized void start() throws ExecutionException {
        execution = context.newExecutionContext();
        if (fileExpression.isConstant()) {
            execution.beginRecord(null);
            Object name = fileExpression.evaluate(execution);
            if (!(name instanceof String text) || text.isEmpty()) {
                throw new ExecutionException("File evaluated to " + (name == null ? "undef" : "'" + name + "'")
                        + ", not a file name");
            }
            constantName = text;
            try {
                select(resolve(text));
            } catch (IOException e) {
                // Not fatal: records wait in the queue and writing is retried with back-off.
                logger.error("{}; records wait in the queue until it can be written", e.getMessage());
            }
        }
    }

    @Override
    public synchronized void write(LogRecord record) throws IOException {
        Path target;
        if (constantName != null) {
            target = current != null ? current : resolve(constantName);
        } else {
            execution.beginRecord(record);
            Object name;
            try {
                name = fileExpression.evaluate(execution);
            } catch (ExecutionException e) {
                unnamed.increment();
                logger.error("File directive failed for a record: {}; the record is not written", e.getMessage());
                return;
            }
            if (!(name instanceof String text) || text.isEmpty()) {
                unnamed.increment();
                logger.error("File directive evaluated to {}; the record is not written",
                        name == null ? "undef" : "'" + name + "'");
                return;
            }
            target = resolve(text);
        }
        if (!target.equals(current) || !open.containsKey(target)) {
            select(target);
        }
        if (settings.truncate()) {
            buffer.reset();
            batch.discard();
        }
        batch.add(record, buffer);
        if (buffer.length() >= WRITE_THRESHOLD && !settings.truncate()) {
            writeBuffer();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (current != null) {
            batch.finish(buffer);
        }
        writeBuffer();
        if (settings.sync()) {
            for (FileChannel channel : open.values()) {
                channel.force(false);
            }
        }
    }

    /** Makes {@code path} the current file: writes out what is buffered for the old one, then opens it. */
    private void select(Path path) throws IOException {
        if (current != null) {
            batch.finish(buffer);
            writeBuffer();
        }
        FileChannel channel = open.get(path);
        if (channel == null) {
            channel = openFile(path);
            open.put(path, channel);
            evictBeyondCacheSize(path);
        }
        current = path;
    }

    private void evictBeyondCacheSize(Path keep) {
        int limit = Math.max(1, settings.cacheSize());
        Iterator<Map.Entry<Path, FileChannel>> entries = open.entrySet().iterator();
        while (open.size() > limit && entries.hasNext()) {
            Map.Entry<Path, FileChannel> eldest = entries.next();
            if (eldest.getKey().equals(keep)) {
                continue;
            }
            if (settings.sync()) {
                try {
                    eldest.getValue().force(false);
                } catch (IOException e) {
                    logger.error("cannot sync {}: {}", eldest.getKey(), describe(e));
                }
            }
            closeQuietly(eldest.getValue());
            entries.remove();
        }
    }

    private void writeBuffer() throws IOException {
        if (buffer.length() == 0) {
            return;
        }
        FileChannel channel = current == null ? null : open.get(current);
        if (channel == null) {
            buffer.reset();
            batch.discard();
            throw new IOException("no file is open");
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer.array(), 0, buffer.length());
        long sizeBefore = -1;
        try {
            if (settings.truncate()) {
                channel.truncate(0);
            }
            sizeBefore = channel.size();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            buffer.reset();
            batch.discard();
            // A write that failed part-way (a full disk writes what fits, then fails) leaves the start of a
            // record; the retry writes the whole batch again, which would glue it to the partial line. Cut the
            // file back to where this write began, so only whole records stay (some twice: at-least-once).
            if (sizeBefore >= 0) {
                try {
                    channel.truncate(sizeBefore);
                } catch (IOException ignored) {
                    // The file may be gone or read-only now; the error below is what the user needs to see.
                }
            }
            closeQuietly(open.remove(current));
            throw new IOException("cannot write to " + current + ": " + describe(e), e);
        }
        buffer.reset();
    }

    private FileChannel openFile(Path path) throws IOException {
        try {
            if (settings.createDirectories() && path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            try {
                FileAttribute<?>[] attributes = posix(path)
                        ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(settings.permissions())}
                        : new FileAttribute<?>[0];
                FileChannel created = FileChannel.open(path, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND), attributes);
                applyOwnership(path);
                return created;
            } catch (FileAlreadyExistsException exists) {
                return FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            buffer.reset();
            batch.discard();
            throw new IOException("cannot open " + path + ": " + describe(e)
                    + (e instanceof NoSuchFileException && !settings.createDirectories()
                    ? " (create its directory or set CreateDir TRUE)" : ""), e);
        }
    }

    private static boolean posix(Path path) {
        Path directory = path.toAbsolutePath().getParent();
        return directory != null && Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null;
    }

    /** The exact Perms (the process umask narrowed the mode given at creation), then User and Group. */
    private void applyOwnership(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        view.setPermissions(settings.permissions());
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        if (settings.user() != null) {
            view.setOwner(lookup.lookupPrincipalByName(settings.user()));
        }
        if (settings.group() != null) {
            view.setGroup(lookup.lookupPrincipalByGroupName(settings.group()));
        }
    }

    /** {@code file_name()}: the current file, or null (undef) when none is open. */
    synchronized String fileName() {
        return current == null ? null : current.toString();
    }

    /** {@code file_size()}: bytes in the current file including those not yet written; null when none is open. */
    synchronized Long fileSize() throws ExecutionException {
        FileChannel channel = current == null ? null : open.get(current);
        if (channel == null) {
            return null;
        }
        try {
            return channel.size() + buffer.length();
        } catch (IOException e) {
            throw new ExecutionException("file_size(): cannot read the size of " + current + ": " + describe(e));
        }
    }

    /** {@code rotate_to(name)}: renames the current file, then opens its name afresh. */
    synchronized void rotateTo(String newName) throws ExecutionException {
        if (current == null) {
            throw new ExecutionException("rotate_to(): no file is open");
        }
        Path path = current;
        Path target = resolve(newName);
        try {
            flushForFunction();
            closeQuietly(open.remove(path));
            current = null;
            if (settings.createDirectories() && target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.move(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ExecutionException("rotate_to(): cannot rename " + path + " to " + target + ": " + describe(e));
        } finally {
            reopenQuietly(path);
        }
    }

    /** {@code reopen()}: closes every open file and opens the current one again (after external rotation). */
    synchronized void reopen() throws ExecutionException {
        Path path = current;
        try {
            flushForFunction();
        } catch (IOException e) {
            throw new ExecutionException("reopen(): " + e.getMessage());
        }
        for (FileChannel channel : open.values()) {
            closeQuietly(channel);
        }
        open.clear();
        current = null;
        if (path != null) {
            reopenQuietly(path);
        }
    }

    private void flushForFunction() throws IOException {
        batch.finish(buffer);
        writeBuffer();
    }

    private void reopenQuietly(Path path) {
        try {
            select(path);
        } catch (IOException e) {
            // The next write opens it again (or reports why it cannot).
            logger.error("{}; the next record retries", e.getMessage());
        }
    }

    private Path resolve(String name) {
        return context.spoolDirectory().resolve(name);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The file is being abandoned after a failure or a switch; nothing more to do with it.
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Closes the files. Bytes still buffered belong to a batch that failed; the runtime saves those records. */
    @Override
    public synchronized void stop() {
        buffer.reset();
        batch.discard();
        for (FileChannel channel : open.values()) {
            closeQuietly(channel);
        }
        open.clear();
        current = null;
    }

    @Override
    public synchronized String destination() {
        return current != null ? current.toString() : constantName != null ? constantName
                : "files named by the File expression";
    }

    @Override
    public int preferredBatchSize() {
        return 1000;
    }
}
