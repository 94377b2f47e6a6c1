package org.openmaces.outputs.http;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.openmaces.core.doctor.Probes;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.OutputInstance;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.LogRecord;
import org.slf4j.Logger;

/**
 * om_http: POSTs {@code $raw_event} of each record (BatchMode none) or of a batch of records (multiline,
 * multipart, json) and acknowledges the records only after a 2xx answer. Anything else (another status, a
 * refused or dropped connection, no answer within the timeout) fails the batch, which the runtime sends again
 * after back-off; the next attempt goes to the next URL of a failover list. Runs on the output's worker
 * thread, except {@link #setRequestPath}, which Exec may call from a Schedule.
 */
final class HttpOutput implements OutputInstance {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpSettings settings;
    private final HttpClient client;
    private final Logger logger;
    private final LongAdder requests;
    private final LongAdder refusals;
    private final ByteSink body = new ByteSink(64 * 1024);
    private final byte[] boundary;
    private int records;
    private int current;
    private volatile String requestPath;

    HttpOutput(ModuleContext context, HttpSettings settings, HttpClient client) {
        this.settings = settings;
        this.client = client;
        this.logger = context.logger();
        this.requests = context.counter("HTTP requests answered 2xx");
        this.refusals = context.counter("HTTP requests failed or answered otherwise");
        this.boundary = ("openmaces-" + Long.toHexString(Double.doubleToLongBits(Math.random())))
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code nxlog doctor}: opens a TCP connection to every URL's host and port. */
    @Override
    public List<DoctorFinding> diagnose() {
        List<DoctorFinding> findings = new ArrayList<>();
        for (URI url : settings.urls()) {
            int port = url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
            findings.add(Probes.tcp("http destination " + ShownUrl.of(url), url.getHost(), port,
                    Duration.ofSeconds(5)));
        }
        return findings;
    }

    @Override
    public void write(LogRecord record) throws IOException {
        byte[] raw = record.getStringUtf8(CoreFields.RAW_EVENT);
        switch (settings.batchMode()) {
            case NONE -> {
                body.reset();
                if (raw != null) {
                    body.write(raw);
                }
                records = 1;
                send();
            }
            case MULTILINE -> {
                if (raw != null) {
                    body.write(raw);
                }
                body.write('\n');
                records++;
            }
            case JSON -> {
                body.write(records == 0 ? '[' : ',');
                if (raw == null || raw.length == 0) {
                    body.writeUtf8("null");
                } else {
                    body.write(raw);
                }
                records++;
            }
            case MULTIPART -> {
                body.write('-').write('-').write(boundary).write('\r').write('\n');
                body.writeUtf8("Content-Type: ").writeUtf8(settings.contentType()).write('\r').write('\n');
                for (String[] header : settings.headers()) {
                    body.writeUtf8(header[0]).writeUtf8(": ").writeUtf8(header[1]).write('\r').write('\n');
                }
                body.write('\r').write('\n');
                if (raw != null) {
                    body.write(raw);
                }
                body.write('\r').write('\n');
                records++;
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (records == 0) {
            return;
        }
        switch (settings.batchMode()) {
            case JSON -> body.write(']');
            case MULTIPART -> body.write('-').write('-').write(boundary).write('-').write('-').write('\r').write('\n');
            default -> {
            }
        }
        send();
    }

    private void send() throws IOException {
        URI url = settings.urls().get(current);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(target(url))
                    .timeout(TIMEOUT)
                    .header("User-Agent", "nxlog")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.array(), 0, body.length()));
            if (settings.batchMode() == BatchMode.MULTIPART) {
                request.header("Content-Type", "multipart/mixed; boundary=" + new String(boundary, StandardCharsets.US_ASCII));
            } else {
                request.header("Content-Type", settings.contentType());
                for (String[] header : settings.headers()) {
                    request.header(header[0], header[1]);
                }
            }
            if (settings.authorization() != null) {
                request.header("Authorization", settings.authorization());
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                throw new IOException("HTTP " + status + " from " + ShownUrl.of(url) + " for " + records + " records: "
                        + excerpt(response.body()));
            }
            requests.increment();
        } catch (IOException e) {
            refusals.increment();
            current = (current + 1) % settings.urls().size();
            throw e.getMessage() != null && e.getMessage().startsWith("HTTP ") ? e
                    : new IOException("POST to " + ShownUrl.of(url) + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + ShownUrl.of(url), e);
        } finally {
            body.reset();
            records = 0;
        }
    }

    private URI target(URI url) throws IOException {
        String path = requestPath;
        if (path == null) {
            return url;
        }
        try {
            return new URI(url.getScheme(), url.getRawAuthority(), null, null, null)
                    .resolve(path.startsWith("/") ? path : "/" + path);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("set_http_request_path() gave an invalid path '" + path + "': " + e.getMessage());
        }
    }

    /** {@code set_http_request_path(path)}: later requests go to this path (already URL-encoded). */
    void setRequestPath(String path) {
        requestPath = path;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (message == null) {
            Throwable cause = e.getCause();
            return cause != null && cause.getMessage() != null ? cause.getMessage() : e.getClass().getSimpleName();
        }
        return message;
    }

    private static String excerpt(byte[] answer) {
        String text = new String(answer, 0, Math.min(answer.length, 200), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "(empty answer)" : text.replace('\n', ' ');
    }

    @Override
    public String destination() {
        return ShownUrl.of(settings.urls().get(current));
    }

    @Override
    public int preferredBatchSize() {
        return settings.batchMode() == BatchMode.NONE ? -1 : settings.flushLimit();
    }

    @Override
    public long batchFillNanos() {
        return settings.batchMode() == BatchMode.NONE ? 0 : settings.flushIntervalNanos();
    }

    List<URI> urls() {
        return settings.urls();
    }
}
