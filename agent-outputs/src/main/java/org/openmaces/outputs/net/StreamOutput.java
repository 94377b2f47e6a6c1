package org.openmaces.outputs.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLException;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.framing.RecordFraming;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.OutputInstance;
import org.openmaces.core.record.LogRecord;
import org.openmaces.outputs.framing.BatchWriter;
import org.slf4j.Logger;

/**
 * om_tcp and om_ssl: frames the records of a batch into a buffer, sends it as it fills and at
 * {@link #flush()}, and acknowledges the batch only when every byte was written and the peer has not
 * closed the connection. Any failure closes the connection and throws; the runtime then backs off and
 * writes the same records again, and the next call reconnects (to the next Host of the failover list
 * first) and first resends the batches of the {@link ResendWindow}.
 *
 * <p>All methods run on the output's worker thread except {@link #stop()}, which may close the socket
 * under a blocked write to release it.
 */
final class StreamOutput implements OutputInstance {
    static final int SEND_THRESHOLD = 256 * 1024;
    static final long RESEND_WINDOW_MILLIS = 2_000;
    static final long RESEND_MAXIMUM_BYTES = 16L << 20;
    private final String protocol;
    private final List<Endpoint> endpoints;
    private final Connector connector;
    private final BatchWriter batch;
    private final Logger logger;
    private final Clock clock;
    private final String instanceName;
    private final LongAdder reconnects;
    private final LongAdder resentBatches;
    private final LongAdder discarded;
    private final ResendWindow resendWindow = new ResendWindow(RESEND_WINDOW_MILLIS, RESEND_MAXIMUM_BYTES);
    private ByteSink buffer = new ByteSink(SEND_THRESHOLD + 64 * 1024);
    private int sentUpTo;
    private int current;
    private volatile StreamConnection connection;
    private boolean resendPending;
    private boolean everConnected;

    StreamOutput(ModuleContext context, String protocol, List<Endpoint> endpoints, Connector connector,
                 RecordFraming framing) {
        this.protocol = protocol;
        this.endpoints = List.copyOf(endpoints);
        this.connector = connector;
        this.batch = new BatchWriter(framing);
        this.logger = context.logger();
        this.clock = context.clock();
        this.instanceName = context.instanceName();
        this.reconnects = context.counter("reconnects");
        this.resentBatches = context.counter("batches sent again after a connection failure");
        this.discarded = context.counter("bytes received from the peer and discarded");
    }

    /**
     * {@code nxlog doctor}: connects to every endpoint as the output would (TLS handshake and certificate
     * checks included) and closes at once.
     */
    @Override
    public List<DoctorFinding> diagnose() {
        List<DoctorFinding> findings = new ArrayList<>();
        String check = protocol + " destination";
        for (Endpoint endpoint : endpoints) {
            try {
                InetAddress[] addresses = InetAddress.getAllByName(endpoint.host());
                Socket socket = connector.connect(endpoint, addresses[0]);
                socket.close();
                findings.add(DoctorFinding.ok(check, endpoint + " accepted a connection"
                        + (connector.isTls() ? " and its certificate was verified" : "")));
            } catch (UnknownHostException e) {
                findings.add(DoctorFinding.problem(check, "cannot resolve " + endpoint.host(),
                        "fix the Host directive of " + instanceName + ", or the host's DNS or /etc/hosts entry"));
            } catch (SSLException e) {
                findings.add(DoctorFinding.problem(check, "TLS with " + endpoint + " failed: "
                        + e.getMessage(), "give " + instanceName + " the CA that signed the server's certificate in CAFile"
                        + " (or CADir), and check that the certificate names " + endpoint.host()
                        + "; AllowUntrusted TRUE turns verification off (for testing only)"));
            } catch (IOException e) {
                findings.add(DoctorFinding.problem(check, "cannot connect to " + endpoint
                        + ": " + e.getMessage(), "start the receiver on " + endpoint + ", open the firewall between"
                        + " this host and it, or fix the Host/Port of " + instanceName
                        + " (records wait in the queue meanwhile)"));
            }
        }
        return findings;
    }

    @Override
    public void start() {
        try {
            connect();
        } catch (IOException e) {
            // Not fatal: records wait in the queue; the first write retries with back-off.
            logger.error("cannot connect to {}: {}; records wait in the queue", describeEndpoints(), e.getMessage());
        }
    }

    @Override
    public void write(LogRecord record) throws IOException {
        StreamConnection open = ready();
        batch.add(record, buffer);
        if (buffer.length() - sentUpTo >= SEND_THRESHOLD) {
            send(open);
        }
    }

    @Override
    public void flush() throws IOException {
        if (batch.records() == 0 && buffer.length() == 0) {
            return;
        }
        StreamConnection open = ready();
        batch.finish(buffer);
        send(open);
        try {
            open.flush();
        } catch (IOException e) {
            throw fail(open, e.getMessage());
        }
        String gone = open.peerGone();
        if (gone != null) {
            throw fail(open, gone);
        }
        buffer = resendWindow.retain(buffer, clock.millis());
        sentUpTo = 0;
    }

    /** The open connection, connecting (and resending the window) first when there is none. */
    private StreamConnection ready() throws IOException {
        StreamConnection open = connection;
        if (open == null) {
            open = connect();
        }
        String gone = open.peerGone();
        if (gone != null) {
            throw fail(open, gone);
        }
        return open;
    }

    private void send(StreamConnection open) throws IOException {
        int length = buffer.length() - sentUpTo;
        if (length == 0) {
            return;
        }
        try {
            open.write(buffer.array(), sentUpTo, length);
        } catch (IOException e) {
            throw fail(open, e.getMessage());
        }
        sentUpTo = buffer.length();
    }

    /** Closes the connection after a failure; the batch being written is discarded (the runtime repeats it). */
    private IOException fail(StreamConnection open, String reason) {
        open.close();
        connection = null;
        buffer.reset();
        sentUpTo = 0;
        batch.discard();
        resendWindow.expire(clock.millis());
        resendPending = !resendWindow.isEmpty();
        if (endpoints.size() > 1) {
            current = (current + 1) % endpoints.size();
        }
        return new IOException(reason == null ? "connection to " + open.endpoint() + " failed" : reason);
    }

    private StreamConnection connect() throws IOException {
        StringBuilder failures = new StringBuilder();
        for (int attempt = 0; attempt < endpoints.size(); attempt++) {
            int index = (current + attempt) % endpoints.size();
            Endpoint endpoint = endpoints.get(index);
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(endpoint.host());
            } catch (IOException e) {
                append(failures, endpoint, "cannot resolve host name");
                continue;
            }
            for (InetAddress address : addresses) {
                Socket socket;
                try {
                    socket = connector.connect(endpoint, address);
                } catch (IOException e) {
                    append(failures, endpoint, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    continue;
                }
                StreamConnection open = new StreamConnection(socket, endpoint, instanceName, logger, discarded);
                current = index;
                if (everConnected) {
                    reconnects.increment();
                }
                logger.info("{} to {}{}", everConnected ? "reconnected" : "connected", endpoint,
                        connector.isTls() ? " (TLS)" : "");
                everConnected = true;
                if (resendPending) {
                    resend(open);
                }
                connection = open;
                return open;
            }
        }
        throw new IOException("cannot connect to " + failures);
    }

    private void resend(StreamConnection open) throws IOException {
        int batches = resendWindow.batches();
        long bytes = resendWindow.bytes();
        try {
            for (ByteSink sent : resendWindow.batchesOldestFirst()) {
                open.write(sent.array(), 0, sent.length());
            }
        } catch (IOException e) {
            open.close();
            throw new IOException("resending to " + open.endpoint() + " failed: " + e.getMessage(), e);
        }
        resendPending = false;
        resendWindow.clear();
        resentBatches.add(batches);
        logger.warn("sent the last {} batches ({} bytes) again to {}: the previous connection failed shortly after"
                + " they were written, so the receiver may have lost them (duplicates are possible)", batches, bytes,
                open.endpoint());
    }

    private static void append(StringBuilder failures, Endpoint endpoint, String reason) {
        if (failures.length() > 0) {
            failures.append(", ");
        }
        failures.append(endpoint).append(" (").append(reason).append(')');
    }

    private String describeEndpoints() {
        return endpoints.size() == 1 ? endpoints.get(0).toString() : endpoints.toString();
    }

    @Override
    public void stop() {
        StreamConnection open = connection;
        connection = null;
        if (open != null) {
            open.close();
        }
    }

    @Override
    public String destination() {
        return protocol + " " + endpoints.get(current);
    }

    @Override
    public int preferredBatchSize() {
        return 1000;
    }
}
