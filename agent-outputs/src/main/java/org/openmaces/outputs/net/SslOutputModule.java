package org.openmaces.outputs.net;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.openmaces.core.config.ConfigurationException;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;

/** om_ssl (modules spec §2.4): om_tcp over TLS 1.2/1.3, verifying the server unless AllowUntrusted. */
public final class SslOutputModule implements ModuleProvider {
    @Override
    public String name() {
        return "om_ssl";
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
        List<DirectiveSpec> specs = new ArrayList<>(NetworkDirectives.stream());
        specs.addAll(TlsSettings.directives(""));
        return specs;
    }

    @Override
    public ModuleInstance create(ModuleContext context) throws ConfigurationException {
        NetworkDirectives.warnAboutReconnect(context);
        TlsSettings settings = TlsSettings.read(context, "");
        TlsContext tls = null;
        try {
            tls = TlsContext.create(settings, "");
        } catch (GeneralSecurityException e) {
            context.configurationError(TlsSettings.directiveNamedIn(e.getMessage(), ""), e.getMessage());
        }
        Connector connector = new Connector(tls, NetworkDirectives.localPort(context),
                context.configuration().getBoolean(NetworkDirectives.TCP_NO_DELAY, false));
        return new StreamOutput(context, "ssl", NetworkDirectives.endpoints(context), connector, context.outputFraming());
    }
}
