package org.openmaces.outputs.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/**
 * One open connection of a stream output, with a reader thread that watches the peer: a receiver sends
 * nothing on a syslog stream, so end-of-stream or an error on the read side is how a closed or dead peer
 * shows up. The writer checks {@link #peerGone()} before a batch is acknowledged. Whatever the peer sends
 * is read and discarded (and reported once), so it cannot fill the window and stall the peer.
 */
final class StreamConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream output;
    private final Endpoint endpoint;
    private final Thread reader;
    private volatile String gone;
    private volatile boolean closing;

    StreamConnection(Socket socket, Endpoint endpoint, String instanceName, Logger logger, LongAdder discarded)
            throws IOException {
        this.socket = socket;
        this.endpoint = endpoint;
        this.output = socket.getOutputStream();
        InputStream input = socket.getInputStream();
        this.reader = new Thread(() -> watch(input, logger, discarded), "om-reader-" + instanceName);
        reader.setDaemon(true);
        reader.start();
    }

    private void watch(InputStream input, Logger logger, LongAdder discarded) {
        byte[] buffer = new byte[4096];
        boolean reported = false;
        try {
            while (true) {
                int count = input.read(buffer);
                if (count < 0) {
                    gone = "connection closed by " + endpoint;
                    return;
                }
                discarded.add(count);
                if (!reported) {
                    reported = true;
                    logger.warn("{} sent data, which is read and discarded (it is an output)", endpoint);
                }
            }
        } catch (IOException e) {
            if (!closing) {
                gone = "connection to " + endpoint + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage());
            }
        }
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** Why the peer is gone, or null while the connection looks alive. */
    String peerGone() {
        return gone;
    }

    void write(byte[] bytes, int offset, int count) throws IOException {
        output.write(bytes, offset, count);
    }

    void flush() throws IOException {
        output.flush();
    }

    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing after a failure or at stop: nothing left to do with it
        }
    }
}
