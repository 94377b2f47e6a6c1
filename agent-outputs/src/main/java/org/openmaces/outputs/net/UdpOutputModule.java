package org.openmaces.outputs.net;

import java.util.ArrayList;
import java.util.List;
import org.openmaces.core.config.ConfigurationException;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;

/** om_udp (modules spec §2.3): one datagram per record. */
public final class UdpOutputModule implements ModuleProvider {
    @Override
    public String name() {
        return "om_udp";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.OUTPUT;
    }

    @Override
    public String defaultOutputType() {
        return "Dgram";
    }

    @Override
    public List<DirectiveSpec> directives() {
        List<DirectiveSpec> specs = new ArrayList<>(NetworkDirectives.common());
        specs.add(DirectiveSpec.optional(NetworkDirectives.SOCK_BUF_SIZE, DirectiveType.INTEGER, null,
                "socket send buffer size in bytes (SO_SNDBUF)"));
        return specs;
    }

    @Override
    public ModuleInstance create(ModuleContext context) throws ConfigurationException {
        long bufferSize = context.configuration().getInteger(NetworkDirectives.SOCK_BUF_SIZE, 0);
        if (bufferSize < 0 || bufferSize > Integer.MAX_VALUE) {
            context.configurationError(NetworkDirectives.SOCK_BUF_SIZE, "SockBufSize " + bufferSize
                    + " is out of range: use a byte count such as 1M");
            bufferSize = 0;
        }
        return new DatagramOutput(context, NetworkDirectives.endpoints(context), context.outputFraming(),
                NetworkDirectives.localPort(context), (int) bufferSize);
    }
}
