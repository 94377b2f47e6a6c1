package org.openmaces.outputs.net;

import java.util.ArrayList;
import java.util.List;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.ModuleConfiguration;
import org.openmaces.core.module.ModuleContext;

/** Host, Port and friends, shared by om_tcp, om_ssl and om_udp. */
final class NetworkDirectives {
    static final String HOST = "Host";
    static final String PORT = "Port";
    static final String RECONNECT = "Reconnect";
    static final String LOCAL_PORT = "LocalPort";
    static final String TCP_NO_DELAY = "TCPNoDelay";
    static final String SOCK_BUF_SIZE = "SockBufSize";

    private NetworkDirectives() {
    }

    static List<DirectiveSpec> common() {
        return List.of(
                new DirectiveSpec(HOST, DirectiveType.STRING, true, true, null, List.of(),
                        "destination: host, host:port or [IPv6]:port; several Host lines form a failover list"),
                DirectiveSpec.optional(PORT, DirectiveType.INTEGER, "514", "port for Host values that name none"),
                DirectiveSpec.optional(LOCAL_PORT, DirectiveType.INTEGER, null, "local (source) port"));
    }

    static List<DirectiveSpec> stream() {
        List<DirectiveSpec> specs = new ArrayList<>(common());
        specs.add(DirectiveSpec.optional(RECONNECT, DirectiveType.STRING, null, "deprecated; accepted and ignored"));
        specs.add(DirectiveSpec.optional(TCP_NO_DELAY, DirectiveType.BOOLEAN, "FALSE", "disable Nagle's algorithm"));
        return specs;
    }

    /** The endpoints of every Host line; errors are reported on the Host or Port line. */
    static List<Endpoint> endpoints(ModuleContext context) {
        ModuleConfiguration configuration = context.configuration();
        long port = configuration.getInteger(PORT, 514);
        if (port < 1 || port > 65535) {
            context.configurationError(PORT, "invalid port: " + port + " (use 1 to 65535)");
            port = 514;
        }
        try {
            return Endpoint.parseAll(configuration.getList(HOST), port);
        } catch (IllegalArgumentException e) {
            context.configurationError(HOST, "Host " + e.getMessage());
            return List.of(new Endpoint("localhost", (int) port));
        }
    }

    static int localPort(ModuleContext context) {
        long port = context.configuration().getInteger(LOCAL_PORT, 0);
        if (port < 0 || port > 65535) {
            context.configurationError(LOCAL_PORT, "invalid port: " + port + " (use 1 to 65535)");
            return 0;
        }
        return (int) port;
    }

    static void warnAboutReconnect(ModuleContext context) {
        if (context.configuration().isSet(RECONNECT)) {
            context.configurationWarning(RECONNECT, "Reconnect is deprecated and ignored: reconnection backs off"
                    + " 1, 2, 4 ... 200 s by itself");
        }
    }
}
