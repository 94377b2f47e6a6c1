package org.openmaces.outputs.net;

import java.util.List;
import org.openmaces.core.config.ConfigurationException;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;

/** om_tcp (modules spec §2.2): framed records over a TCP connection, with failover and reconnection. */
public final class TcpOutputModule implements ModuleProvider {
    @Override
    public String name() {
        return "om_tcp";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.OUTPUT;
    }

    @Override
    public String defaultOutputType() {
        return "LineBased";
    }

    @Override
    public List<DirectiveSpec> directives() {
        return NetworkDirectives.stream();
    }

    @Override
    public ModuleInstance create(ModuleContext context) throws ConfigurationException {
        NetworkDirectives.warnAboutReconnect(context);
        Connector connector = new Connector(null, NetworkDirectives.localPort(context),
                context.configuration().getBoolean(NetworkDirectives.TCP_NO_DELAY, false));
        return new StreamOutput(context, "tcp", NetworkDirectives.endpoints(context), connector, context.outputFraming());
    }
}
