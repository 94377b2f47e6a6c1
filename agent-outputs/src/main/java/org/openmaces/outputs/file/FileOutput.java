package org.openmaces.outputs.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.framing.RecordFraming;
import org.openmaces.core.language.CompiledExpression;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.OutputInstance;
import org.openmaces.core.record.LogRecord;
import org.slf4j.Logger;

/**
 * One om_file instance. Records are framed into a buffer and written when it fills or at the end of each
 * batch; the runtime acknowledges the batch only after {@link #flush()} returned, so a failed write keeps
 * the records queued. A record whose File evaluates to undef or a non-string is not written: it is logged
 * and counted as lost.
 */
final class FileOutput implements OutputInstance {
    private static final int WRITE_THRESHOLD = 256 * 1024;
    private final ModuleContext context;
    private final CompiledExpression fileExpression;
    private final RecordFraming framing;
    private final boolean createDirectories;
    private final boolean truncate;
    private final boolean sync;
    private final Logger logger;
    private final java.util.concurrent.atomic.LongAdder unnamed;
    private final ByteSink buffer = new ByteSink(WRITE_THRESHOLD + 64 * 1024);
    private ExecutionContext execution;
    private String constantName;
    private Path openPath;
    private FileChannel channel;

    FileOutput(ModuleContext context, CompiledExpression fileExpression, org.openmaces.core.framing.RecordFraming framing,
               boolean createDirectories, boolean truncate, boolean sync) {
        this.context = context;
        this.fileExpression = fileExpression;
        this.framing = framing;
        this.createDirectories = createDirectories;
        this.truncate = truncate;
        this.sync = sync;
        this.logger = context.logger();
        this.unnamed = context.lossCounter("records not written because File evaluated to undef or a non-string");
    }

    @Override
    public void start() throws ExecutionException {
        execution = context.newExecutionContext();
        if (fileExpression.isConstant()) {
            execution.beginRecord(null);
            Object name = fileExpression.evaluate(execution);
            if (!(name instanceof String text)) {
                throw new ExecutionException("File evaluated to " + (name == null ? "undef" : name) + ", not a file name");
            }
            constantName = text;
            try {
                open(resolve(text));
            } catch (IOException e) {
                // Not fatal: records wait in the queue and writing is retried with back-off.
                logger.error("cannot open {}: {}; records wait in the queue until it can be written", resolve(text),
                        describe(e));
            }
        }
    }

    @Override
    public void write(LogRecord record) throws IOException {
        Path target;
        if (constantName != null) {
            target = openPath != null ? openPath : resolve(constantName);
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
        if (!target.equals(openPath) || channel == null) {
            writeBuffer();
            open(target);
        }
        if (truncate) {
            buffer.reset();
        }
        framing.frame(record, buffer);
        if (buffer.length() >= WRITE_THRESHOLD && !truncate) {
            writeBuffer();
        }
    }

    @Override
    public void flush() throws IOException {
        if (truncate && channel != null && buffer.length() > 0) {
            channel.truncate(0);
        }
        writeBuffer();
        if (sync && channel != null) {
            channel.force(false);
        }
    }

    private void writeBuffer() throws IOException {
        if (buffer.length() == 0) {
            return;
        }
        if (channel == null) {
            throw new IOException("no file is open");
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer.array(), 0, buffer.length());
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            closeQuietly();
            throw new IOException("cannot write to " + openPath + ": " + describe(e), e);
        }
        buffer.reset();
    }

    private void open(Path path) throws IOException {
        closeQuietly();
        try {
            if (createDirectories && path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            openPath = path;
        } catch (IOException e) {
            buffer.reset();
            throw new IOException("cannot open " + path + ": " + describe(e)
                    + (e instanceof NoSuchFileException && !createDirectories ? " (set CreateDir TRUE to create its directory)" : ""), e);
        }
    }

    private Path resolve(String name) {
        return context.spoolDirectory().resolve(name);
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The file is being abandoned after a failure or a switch; nothing more to do with it.
            }
            channel = null;
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

    /** Closes the file. Bytes still buffered belong to a batch that failed; the runtime saves those records. */
    @Override
    public void stop() {
        buffer.reset();
        closeQuietly();
    }

    @Override
    public String destination() {
        return openPath != null ? openPath.toString() : constantName != null ? constantName : "files named by the File expression";
    }

    @Override
    public int preferredBatchSize() {
        return 1000;
    }
}
