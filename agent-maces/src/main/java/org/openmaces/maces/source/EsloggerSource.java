package org.openmaces.maces.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.maces.event.EsEvent;
import org.openmaces.maces.eslogger.JsonLineReader;
import org.openmaces.maces.loss.LossAccounting;
import org.openmaces.maces.ring.RecordHandler;
import org.slf4j.Logger;

/**
 * Runs Apple's {@code eslogger} (macOS 13+; needs no entitlement of ours) with the subscribed
 * event names as its arguments, no shell, and turns its JSON lines into records. A supervisor
 * thread restarts it with back-off (1 s doubling to 60 s) when it dies, and at once when
 * procedures change the event list (changes within {@value #RESTART_DELAY_MILLIS} ms make one
 * restart). Its standard error goes to the agent's log. eslogger cannot mute: muting happens in
 * the agent. eslogger drops events of its own process group, which is the agent's: the agent does
 * not see itself.
 *
 * <p>Records travel from the supervisor thread to the input thread through a bounded queue; when
 * the agent falls behind, the queue fills, eslogger blocks on its output, and Endpoint Security
 * drops events for it, which its sequence numbers then show.
 */
public final class EsloggerSource implements EventSource {
    static final long RESTART_DELAY_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 60_000;
    private static final int QUEUE_RECORDS = 4096;
    private static final byte[] NEW_RUN = new byte[0];

    private final Path executable;
    private final LossAccounting loss;
    private final SourceSupport support;
    private final Logger logger;
    private final LongAdder restarts;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_RECORDS);
    private final List<byte[]> drained = new ArrayList<>(256);
    private final Set<EsEvent> desired = EnumSet.noneOf(EsEvent.class);
    private Set<String> supportedNames;
    private Thread supervisor;
    private volatile boolean stopping;
    private volatile Process process;
    private volatile Set<EsEvent> running = Set.of();
    private volatile boolean restartRequested;
    private volatile long changedAt;
    private Thread restarter;
    /** When the last eslogger run ended by itself (it died), for the gap report of the next run; null if none. */
    private java.time.Instant diedAt;

    public EsloggerSource(String executable, LossAccounting loss, SourceSupport support, LongAdder restarts) {
        this.executable = Path.of(executable);
        this.loss = loss;
        this.support = support;
        this.logger = support.logger;
        this.restarts = restarts;
    }

    @Override
    public void start() throws IOException {
        if (!Files.isExecutable(executable)) {
            throw new IOException(executable + " is missing or not executable: the eslogger source needs Apple's"
                    + " eslogger (macOS 13 or later); on older macOS use 'Source native', elsewhere 'Source replay'");
        }
        supportedNames = listEvents();
        supervisor = new Thread(this::supervise, "im_maces eslogger");
        supervisor.setDaemon(true);
        supervisor.start();
        restarter = new Thread(this::watchForChanges, "im_maces eslogger restarts");
        restarter.setDaemon(true);
        restarter.start();
    }

    /** The names {@code eslogger --list-events} prints; null (every one of the 51) when it cannot tell. */
    private Set<String> listEvents() {
        try {
            Process list = new ProcessBuilder(executable.toString(), "--list-events").redirectErrorStream(true).start();
            list.getOutputStream().close();
            Set<String> names = new HashSet<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(list.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        names.add(line.trim());
                    }
                }
            }
            if (!list.waitFor(10, TimeUnit.SECONDS) || list.exitValue() != 0 || names.isEmpty()) {
                list.destroyForcibly();
                logger.info("'{} --list-events' did not list events; subscribing as configured", executable);
                return null;
            }
            return names;
        } catch (IOException e) {
            logger.info("'{} --list-events' failed ({}); subscribing as configured", executable, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public boolean isSupported(EsEvent event) {
        Set<String> names = supportedNames;
        return names == null || names.contains(event.eventName());
    }

    @Override
    public void subscribe(EsEvent event) {
        changeDesired(event, true);
    }

    @Override
    public void unsubscribe(EsEvent event) {
        changeDesired(event, false);
    }

    @Override
    public void unsubscribeAll() {
        synchronized (desired) {
            desired.clear();
            changed();
        }
    }

    private void changeDesired(EsEvent event, boolean on) {
        synchronized (desired) {
            if (on ? desired.add(event) : desired.remove(event)) {
                changed();
            }
        }
    }

    /** Called with the desired set locked. */
    private void changed() {
        changedAt = System.nanoTime();
        desired.notifyAll();
    }

    private Set<EsEvent> desiredSnapshot() {
        synchronized (desired) {
            return desired.isEmpty() ? Set.of() : EnumSet.copyOf(desired);
        }
    }

    @Override
    public void mute(String path, boolean prefix) {
        // eslogger cannot mute; the agent's selection drops these events.
    }

    @Override
    public void unmuteAllPaths() {
    }

    /** Restarts eslogger when the event list it runs with is not the one wanted (any more). */
    private void watchForChanges() {
        while (!stopping) {
            try {
                synchronized (desired) {
                    desired.wait(100);
                }
                if (stopping) {
                    return;
                }
                long quietFor = (System.nanoTime() - changedAt) / 1_000_000;
                Process current = process;
                if (current != null && quietFor >= RESTART_DELAY_MILLIS && !desiredSnapshot().equals(running)
                        && !restartRequested) {
                    restartRequested = true;
                    current.destroy();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void supervise() {
        long backoff = 1000;
        try {
            while (!stopping) {
                Set<EsEvent> events = desiredSnapshot();
                if (events.isEmpty()) {
                    synchronized (desired) {
                        while (desired.isEmpty() && !stopping) {
                            desired.wait(100);
                        }
                    }
                    continue;
                }
                if ((System.nanoTime() - changedAt) / 1_000_000 < RESTART_DELAY_MILLIS) {
                    Thread.sleep(25); // let a burst of subscriptions settle into one command line
                    continue;
                }
                long started = System.nanoTime();
                int status = runOnce(events);
                if (stopping) {
                    return;
                }
                if (restartRequested) {
                    restartRequested = false;
                    restarts.increment();
                    logger.info("restarting eslogger for the new event list; events in the moment between the two runs"
                            + " are not seen");
                    continue;
                }
                long ranMillis = (System.nanoTime() - started) / 1_000_000;
                if (ranMillis > MAX_BACKOFF_MILLIS) {
                    backoff = 1000;
                }
                restarts.increment();
                diedAt = java.time.Instant.now();
                logger.warn("eslogger exited with status {}{} after {} s; events are not collected until it runs again;"
                        + " restarting it in {} s", status, status > 128 ? " (killed by signal " + (status - 128) + ")" : "",
                        ranMillis / 1000, backoff / 1000);
                long until = System.nanoTime() + backoff * 1_000_000;
                while (!stopping && System.nanoTime() < until && !restartRequested) {
                    Thread.sleep(50);
                }
                restartRequested = false;
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs eslogger once, until its output ends; returns its exit status. */
    private int runOnce(Set<EsEvent> events) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        for (EsEvent event : events) {
            command.add(event.eventName());
        }
        Process started;
        try {
            started = new ProcessBuilder(command).start();
        } catch (IOException e) {
            logger.error("cannot run {}: {}", executable, e.getMessage());
            return -1;
        }
        try {
            started.getOutputStream().close();
        } catch (IOException e) {
            logger.debug("closing eslogger's standard input: {}", e.getMessage());
        }
        process = started;
        running = events;
        queue.put(NEW_RUN);
        logger.info("eslogger running (pid {}) for {} event type(s)", started.pid(), events.size());
        java.time.Instant died = diedAt;
        if (died != null) {
            // ES numbers events per client, so what happened while no eslogger ran leaves no sequence gap to count:
            // say when the agent was blind instead.
            diedAt = null;
            java.time.Instant now = java.time.Instant.now();
            java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
                    .withZone(java.time.ZoneId.systemDefault());
            logger.warn("eslogger was not running from {} to {} ({} s): events in that time were not collected",
                    time.format(died), time.format(now),
                    String.format(java.util.Locale.ROOT, "%.1f", java.time.Duration.between(died, now).toMillis() / 1000.0));
        }
        Thread errors = new Thread(() -> logStandardError(started.getErrorStream()), "im_maces eslogger stderr");
        errors.setDaemon(true);
        errors.start();
        LineConversion lines = support.newLineConversion();
        JsonLineReader reader = new JsonLineReader(started.getInputStream(), JsonLineReader.DEFAULT_MAXIMUM_LINE);
        String where = "eslogger (pid " + started.pid() + ") output";
        try {
            while (lines.next(reader, where)) {
                queue.put(lines.writer().toByteArray());
            }
        } catch (IOException e) {
            if (!stopping && !restartRequested) {
                logger.warn("reading eslogger's output failed: {}", e.getMessage());
            }
        }
        if (!started.waitFor(2, TimeUnit.SECONDS)) {
            started.destroyForcibly();
            started.waitFor(2, TimeUnit.SECONDS);
        }
        errors.join(1000);
        process = null;
        return started.isAlive() ? -1 : started.exitValue();
    }

    private void logStandardError(InputStream errors) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(errors, StandardCharsets.UTF_8))) {
            String line;
            int logged = 0;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String fix = fixFor(line);
                if (logged++ < 100 || fix != null) {
                    logger.warn("eslogger: {}{}", line, fix == null ? "" : " (" + fix + ")");
                }
            }
        } catch (IOException e) {
            logger.debug("eslogger's standard error: {}", e.getMessage());
        }
    }

    /** What to do about an es_new_client failure eslogger reports (eslogger-json.md §2.3). */
    static String fixFor(String line) {
        if (line.contains("ERR_NOT_PERMITTED")) {
            return "grant Full Disk Access to /usr/bin/eslogger and to the agent's executable in System Settings >"
                    + " Privacy & Security > Full Disk Access, or by an MDM PPPC profile";
        }
        if (line.contains("ERR_NOT_PRIVILEGED")) {
            return "run the agent as root (launchd does, with com.nxlog.plist)";
        }
        if (line.contains("ERR_TOO_MANY_CLIENTS")) {
            return "too many Endpoint Security clients run on this Mac; stop one";
        }
        return null;
    }

    @Override
    public int read(RecordHandler handler, int limit) throws InterruptedException {
        byte[] first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return 0;
        }
        drained.clear();
        drained.add(first);
        queue.drainTo(drained, limit - 1);
        int handed = 0;
        for (byte[] record : drained) {
            if (record == NEW_RUN) {
                loss.newRun();
                continue;
            }
            handler.onRecord(ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN), 0, record.length);
            handed++;
        }
        drained.clear();
        return handed;
    }

    @Override
    public void stop() {
        stopping = true;
        Process current = process;
        if (current != null) {
            current.destroy();
        }
        for (Thread thread : new Thread[] {restarter, supervisor}) {
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        current = process;
        if (current != null) {
            current.destroyForcibly();
        }
    }

    @Override
    public List<DoctorFinding> diagnose() {
        List<DoctorFinding> findings = new ArrayList<>();
        if (Files.isExecutable(executable)) {
            findings.add(DoctorFinding.ok("eslogger", executable + " is there"));
        } else {
            findings.add(DoctorFinding.problem("eslogger", executable + " is missing or not executable",
                    "eslogger ships with macOS 13 and later; on older macOS use 'Source native'"));
        }
        return findings;
    }

    @Override
    public String name() {
        return "eslogger";
    }

    /** The event list eslogger runs with now (for tests). */
    Set<EsEvent> runningEvents() {
        return running;
    }
}
