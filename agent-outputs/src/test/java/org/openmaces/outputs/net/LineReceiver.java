package org.openmaces.outputs.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback line receiver for the stream contract tests: accepts connections on a (plain or TLS) server
 * socket and keeps every line. It can close its first connection after some lines, as a restarting
 * receiver would.
 */
final class LineReceiver implements AutoCloseable {
    private final ServerSocket server;
    private final List<String> lines = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile int closeFirstAfter = -1;

    LineReceiver(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::accept, "line-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Closes the first connection once it has delivered {@code count} lines. */
    void closeFirstConnectionAfter(int count) {
        closeFirstAfter = count;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int number = connections.incrementAndGet();
                Thread reader = new Thread(() -> read(socket, number), "line-reader-" + number);
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(Socket socket, int number) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            int count = 0;
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                }
                if (number == 1 && ++count == closeFirstAfter) {
                    return; // closes the socket: what the sender wrote after this line is lost here
                }
            }
        } catch (IOException e) {
            // the sender went away
        }
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
