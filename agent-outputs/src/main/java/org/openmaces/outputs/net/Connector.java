package org.openmaces.outputs.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/** Opens the socket of a stream output: plain TCP, or TLS over it. */
final class Connector {
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private final TlsContext tls;
    private final int localPort;
    private final boolean noDelay;

    Connector(TlsContext tls, int localPort, boolean noDelay) {
        this.tls = tls;
        this.localPort = localPort;
        this.noDelay = noDelay;
    }

    boolean isTls() {
        return tls != null;
    }

    /** Connects to {@code address} (one address of {@code endpoint}) and completes the TLS handshake. */
    Socket connect(Endpoint endpoint, InetAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            if (localPort > 0) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(localPort));
            }
            socket.setTcpNoDelay(noDelay);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(address, endpoint.port()), CONNECT_TIMEOUT_MILLIS);
            if (tls == null) {
                return socket;
            }
            SSLSocket secure = (SSLSocket) tls.sslContext().getSocketFactory()
                    .createSocket(socket, endpoint.host(), endpoint.port(), true);
            secure.setSSLParameters(tls.parameters(endpoint.host()));
            secure.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            secure.startHandshake();
            secure.setSoTimeout(0);
            return secure;
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw e;
        }
    }
}
