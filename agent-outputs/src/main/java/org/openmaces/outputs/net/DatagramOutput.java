package org.openmaces.outputs.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.framing.RecordFraming;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.OutputInstance;
import org.openmaces.core.record.LogRecord;
import org.slf4j.Logger;

/**
 * om_udp (modules spec §2.3): one datagram per record. A connected channel reports ICMP "port
 * unreachable" as an error on a later send, which fails the batch so it is retried with back-off;
 * beyond that UDP gives no delivery guarantee. A record longer than a datagram can carry is truncated,
 * logged and counted.
 */
final class DatagramOutput implements OutputInstance {
    /** Largest UDP payload over IPv4 (65535 − 8 byte UDP header − 20 byte IP header). */
    static final int MAXIMUM_DATAGRAM = 65_507;
    private final List<Endpoint> endpoints;
    private final RecordFraming framing;
    private final int localPort;
    private final int sendBufferSize;
    private final Logger logger;
    private final LongAdder truncated;
    private final ByteSink frame = new ByteSink(MAXIMUM_DATAGRAM + 1024);
    private int current;
    private DatagramChannel channel;

    DatagramOutput(ModuleContext context, List<Endpoint> endpoints, RecordFraming framing, int localPort,
                   int sendBufferSize) {
        this.endpoints = List.copyOf(endpoints);
        this.framing = framing;
        this.localPort = localPort;
        this.sendBufferSize = sendBufferSize;
        this.logger = context.logger();
        this.truncated = context.counter("records truncated to the largest datagram");
    }

    /** {@code nxlog doctor}: UDP confirms nothing, so only name resolution can be checked. */
    @Override
    public List<DoctorFinding> diagnose() {
        List<DoctorFinding> findings = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            try {
                InetAddress.getAllByName(endpoint.host());
                findings.add(DoctorFinding.warning("udp destination", endpoint
                        + " resolves; UDP gives no delivery confirmation, so whether anything listens is unknown",
                        "check the receiver's own log; use om_tcp or om_ssl where losing datagrams matters"));
            } catch (UnknownHostException e) {
                findings.add(DoctorFinding.problem("udp destination", "cannot resolve "
                        + endpoint.host(), "fix the Host directive, or the host's DNS or /etc/hosts entry"));
            }
        }
        return findings;
    }

    @Override
    public void start() {
        try {
            open();
        } catch (IOException e) {
            logger.error("cannot open a UDP socket to {}: {}; records wait in the queue", endpoints.get(current),
                    e.getMessage());
        }
    }

    @Override
    public void write(LogRecord record) throws IOException {
        if (channel == null) {
            open();
        }
        frame.reset();
        framing.frame(record, frame);
        int length = frame.length();
        if (length > MAXIMUM_DATAGRAM) {
            truncated.increment();
            logger.error("a record of {} bytes is longer than the largest UDP datagram; truncated to {} bytes",
                    length, MAXIMUM_DATAGRAM);
            length = MAXIMUM_DATAGRAM;
        }
        try {
            channel.write(ByteBuffer.wrap(frame.array(), 0, length));
        } catch (IOException e) {
            close();
            if (endpoints.size() > 1) {
                current = (current + 1) % endpoints.size();
            }
            throw new IOException("sending to " + endpoints.get(current) + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    @Override
    public void flush() {
        // Every datagram was sent in write().
    }

    private void open() throws IOException {
        StringBuilder failures = new StringBuilder();
        for (int attempt = 0; attempt < endpoints.size(); attempt++) {
            int index = (current + attempt) % endpoints.size();
            Endpoint endpoint = endpoints.get(index);
            try {
                InetAddress address = InetAddress.getAllByName(endpoint.host())[0];
                DatagramChannel opened = DatagramChannel.open();
                try {
                    if (sendBufferSize > 0) {
                        opened.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferSize);
                    }
                    if (localPort > 0) {
                        opened.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                        opened.bind(new InetSocketAddress(localPort));
                    }
                    opened.connect(new InetSocketAddress(address, endpoint.port()));
                } catch (IOException e) {
                    opened.close();
                    throw e;
                }
                channel = opened;
                current = index;
                return;
            } catch (IOException e) {
                if (failures.length() > 0) {
                    failures.append(", ");
                }
                failures.append(endpoint).append(" (").append(e.getMessage()).append(')');
            }
        }
        throw new IOException("cannot send to " + failures);
    }

    private void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // abandoned after a failure
            }
            channel = null;
        }
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public String destination() {
        return "udp " + endpoints.get(current);
    }

    @Override
    public int preferredBatchSize() {
        return 1000;
    }
}
