package org.openmaces.core.config;

import java.nio.file.Path;

/**
 * The global directives (config spec §3), typed, with their defaults applied.
 *
 * @param cacheDirectory          CacheDir: module state across restarts (and queues unless LogqueueDir)
 * @param pidFile                 PidFile, or null when none is written
 * @param logFile                 LogFile, or null: the agent logs only to stderr
 * @param logLevel                LogLevel: CRITICAL, ERROR, WARNING, INFO or DEBUG
 * @param suppressRepeatingLogs   SuppressRepeatingLogs
 * @param noCache                 NoCache
 * @param spoolDirectory          SpoolDir, or null: base for relative paths at run time
 * @param flowControl             FlowControl default for inputs and processors
 * @param ignoreErrors            IgnoreErrors: skip faulty modules instead of refusing to start
 * @param batchSize               BatchSize: records per batch between modules
 * @param batchFlushIntervalNanos BatchFlushInterval
 * @param cacheFlushIntervalNanos CacheFlushInterval (0: only at shutdown)
 * @param cacheSync               CacheSync
 * @param dateFormat              DateFormat, or null for {@code YYYY-MM-DD hh:mm:ss}
 * @param generateDateInUtc       GenerateDateInUTC
 * @param parseDateInUtc          ParseDateInUTC
 * @param logqueueDirectory       LogqueueDir, or null for CacheDir
 * @param logqueueSize            LogqueueSize, in records
 * @param persistLogqueue         PersistLogqueue default for outputs
 * @param syncLogqueue            SyncLogqueue default for outputs
 * @param flowControlFifo         FlowControlFIFO: without flow control, a full queue drops its oldest record
 * @param abortOnDoubleSigterm    AbortOnDoubleSigterm
 */
public record GlobalSettings(Path cacheDirectory, Path pidFile, Path logFile, String logLevel,
                             boolean suppressRepeatingLogs, boolean noCache, Path spoolDirectory,
                             boolean flowControl, boolean ignoreErrors, int batchSize,
                             long batchFlushIntervalNanos, long cacheFlushIntervalNanos, boolean cacheSync,
                             String dateFormat, boolean generateDateInUtc, boolean parseDateInUtc,
                             Path logqueueDirectory, int logqueueSize, boolean persistLogqueue,
                             boolean syncLogqueue, boolean flowControlFifo, boolean abortOnDoubleSigterm) {

    /** Where persistent queues live: LogqueueDir, else CacheDir. */
    public Path effectiveLogqueueDirectory() {
        return logqueueDirectory != null ? logqueueDirectory : cacheDirectory;
    }
}
