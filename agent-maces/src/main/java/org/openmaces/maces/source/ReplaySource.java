package org.openmaces.maces.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.maces.event.EsEvent;
import org.openmaces.maces.eslogger.JsonLineReader;
import org.openmaces.maces.loss.LossAccounting;
import org.openmaces.maces.ring.RecordHandler;
import org.slf4j.Logger;

/**
 * eslogger captures (JSON lines, optionally gzip-compressed): every file or glob of
 * {@code ReplayFile}, in the order written, files of one glob in name order; then the end, which
 * {@code --oneshot} waits for. Each file is one run for loss accounting (its sequence numbers
 * start afresh).
 */
public final class ReplaySource implements EventSource {
    private final List<String> patterns;
    private final Path base;
    private final LossAccounting loss;
    private final LineConversion lines;
    private final Logger logger;
    private final List<Path> files = new ArrayList<>();
    private int nextFile;
    private JsonLineReader reader;
    private InputStream stream;
    private Path current;
    private long eventsInFile;

    public ReplaySource(List<String> patterns, Path base, LossAccounting loss, SourceSupport support) {
        this.patterns = List.copyOf(patterns);
        this.base = base;
        this.loss = loss;
        this.lines = support.newLineConversion();
        this.logger = support.logger;
    }

    /** Files a pattern names: wildcards ({@code * ? [...]}) are allowed in the file name only. */
    static List<Path> expand(String pattern, Path base) throws IOException {
        Path path = base.resolve(pattern);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (!(name.contains("*") || name.contains("?") || name.contains("["))) {
            return List.of(path);
        }
        Path directory = path.getParent() == null ? base : path.getParent();
        List<Path> matches = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, name)) {
                for (Path entry : entries) {
                    if (Files.isRegularFile(entry)) {
                        matches.add(entry);
                    }
                }
            }
        }
        matches.sort(null);
        return matches;
    }

    @Override
    public void start() throws IOException {
        for (String pattern : patterns) {
            List<Path> matched = expand(pattern, base);
            if (matched.isEmpty()) {
                throw new IOException("ReplayFile '" + pattern + "' matches no file (looked in "
                        + base.resolve(pattern).getParent() + ")");
            }
            for (Path file : matched) {
                if (!Files.isReadable(file)) {
                    throw new IOException("ReplayFile " + file + " cannot be read: check that it exists and its permissions");
                }
            }
            files.addAll(matched);
        }
        logger.info("replaying {} eslogger capture file(s)", files.size());
    }

    @Override
    public int read(RecordHandler handler, int limit) throws IOException {
        int handed = 0;
        while (handed < limit) {
            if (reader == null && !openNext()) {
                return handed == 0 ? END : handed;
            }
            if (lines.next(reader, current.toString())) {
                ByteBuffer record = lines.writer().record();
                handler.onRecord(record, 0, record.limit());
                handed++;
                eventsInFile++;
            } else {
                closeCurrent();
            }
        }
        return handed;
    }

    private boolean openNext() throws IOException {
        if (nextFile >= files.size()) {
            return false;
        }
        current = files.get(nextFile++);
        InputStream in = new BufferedInputStream(Files.newInputStream(current), 1 << 16);
        if (current.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        stream = in;
        reader = new JsonLineReader(stream, JsonLineReader.DEFAULT_MAXIMUM_LINE);
        eventsInFile = 0;
        loss.newRun();
        return true;
    }

    private void closeCurrent() {
        logger.debug("replayed {} events from {}", eventsInFile, current);
        try {
            stream.close();
        } catch (IOException e) {
            logger.debug("closing {}: {}", current, e.getMessage());
        }
        stream = null;
        reader = null;
    }

    @Override
    public void stop() {
        if (stream != null) {
            closeCurrent();
        }
    }

    @Override
    public boolean isSupported(EsEvent event) {
        return true;
    }

    @Override
    public void subscribe(EsEvent event) {
    }

    @Override
    public void unsubscribe(EsEvent event) {
    }

    @Override
    public void unsubscribeAll() {
    }

    @Override
    public void mute(String path, boolean prefix) {
    }

    @Override
    public void unmuteAllPaths() {
    }

    @Override
    public List<DoctorFinding> diagnose() {
        List<DoctorFinding> findings = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                List<Path> matched = expand(pattern, base);
                if (matched.isEmpty()) {
                    findings.add(DoctorFinding.problem("ReplayFile " + pattern, "matches no file",
                            "correct the path or glob (relative paths start at " + base + ")"));
                }
                for (Path file : matched) {
                    findings.add(Files.isReadable(file) ? DoctorFinding.ok("ReplayFile " + file, "readable")
                            : DoctorFinding.problem("ReplayFile " + file, "not readable",
                                    "check that the agent's user may read it"));
                }
            } catch (IOException e) {
                findings.add(DoctorFinding.problem("ReplayFile " + pattern, e.getMessage(), "correct the path"));
            }
        }
        return findings;
    }

    @Override
    public String name() {
        return "replay";
    }
}
