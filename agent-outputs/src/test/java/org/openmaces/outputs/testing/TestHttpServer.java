package org.openmaces.outputs.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** An HTTP(S) receiver on 127.0.0.1 that keeps every request and can answer errors first. */
public final class TestHttpServer implements AutoCloseable {
    /** One received request. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    /** Requests still to be answered with {@link #errorStatus} before answering 200. */
    public final AtomicInteger failuresLeft = new AtomicInteger();
    public volatile int errorStatus = 503;

    private TestHttpServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestHttpServer http() throws IOException {
        return new TestHttpServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50));
    }

    /** HTTPS with the certificate and key of a PKCS#12 file. */
    public static TestHttpServer https(Path keyStore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new TestHttpServer(server);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int status = 200;
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            status = errorStatus;
        } else {
            synchronized (requests) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            }
        }
        byte[] answer = (status == 200 ? "ok" : "try again later").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    /** Every body line of every accepted request. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Request request : requests()) {
            lines.addAll(request.body().lines().toList());
        }
        return lines;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
