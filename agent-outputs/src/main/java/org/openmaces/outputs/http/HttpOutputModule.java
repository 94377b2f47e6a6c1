package org.openmaces.outputs.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.ModuleConfiguration;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.ProcedureDefinition;
import org.openmaces.core.language.Visibility;
import org.openmaces.core.record.ValueType;
import org.openmaces.outputs.net.TlsContext;
import org.openmaces.outputs.net.TlsSettings;

/**
 * om_http (modules spec §2.5) over the JDK's HttpClient (HTTP/1.1, kept-alive connections, TLS with the
 * om_ssl options prefixed {@code HTTPS}). The JDK client rather than our own code on sockets: it is
 * maintained with the JDK, parses responses in every form a server may send (chunked, keep-alive, early
 * close), and takes the same SSLContext as om_ssl; what it costs (a selector thread per instance, header
 * names it reserves) matters less than getting HTTP framing right.
 */
public final class HttpOutputModule implements ModuleProvider {
    static final String URL = "URL";
    static final String CONTENT_TYPE = "ContentType";
    static final String ADD_HEADER = "AddHeader";
    static final String USER = "HTTPBasicAuthUser";
    static final String PASSWORD = "HTTPBasicAuthPassword";
    static final String BATCH_MODE = "BatchMode";
    static final String FLUSH_LIMIT = "FlushLimit";
    static final String FLUSH_INTERVAL = "FlushInterval";
    static final String TLS_PREFIX = "HTTPS";
    /** Headers the JDK client sets itself and refuses to take from us. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    @Override
    public String name() {
        return "om_http";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.OUTPUT;
    }

    @Override
    public List<DirectiveSpec> directives() {
        List<DirectiveSpec> specs = new ArrayList<>(List.of(
                new DirectiveSpec(URL, DirectiveType.STRING, true, true, null, List.of(),
                        "http[s]://host[:port]/path; several URL lines form a failover list"),
                DirectiveSpec.optional(CONTENT_TYPE, DirectiveType.STRING, "text/plain", "Content-Type of the requests"),
                DirectiveSpec.repeatable(ADD_HEADER, DirectiveType.STRING, "an extra header, 'Name: value'"),
                DirectiveSpec.optional(USER, DirectiveType.STRING, null, "user name for Basic authentication"),
                DirectiveSpec.optional(PASSWORD, DirectiveType.STRING, null, "password for Basic authentication"),
                DirectiveSpec.enumeration(BATCH_MODE, "none", List.of("none", "multiline", "multipart", "json"),
                        "one record per request, or a batch per request"),
                DirectiveSpec.optional(FLUSH_LIMIT, DirectiveType.INTEGER, "500", "most records in one request"),
                DirectiveSpec.optional(FLUSH_INTERVAL, DirectiveType.SECONDS, "0.1",
                        "longest wait for a batch to fill before a smaller one is sent")));
        specs.addAll(TlsSettings.directives(TLS_PREFIX));
        return specs;
    }

    /** Whether the JDK client takes this header (it checks names and values when a request is built). */
    private static boolean acceptedHeader(String name, String value) {
        try {
            java.net.http.HttpRequest.newBuilder(URI.create("http://localhost/")).header(name, value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public ModuleInstance create(ModuleContext context) {
        ModuleConfiguration configuration = context.configuration();
        List<URI> urls = new ArrayList<>();
        boolean https = false;
        for (String value : configuration.getList(URL)) {
            try {
                URI url = new URI(value.trim());
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                    context.configurationError(URL, "URL '" + ShownUrl.of(value) + "' must look like http://host[:port]/path or https://...");
                    continue;
                }
                if (url.getRawPath() == null || url.getRawPath().isEmpty()) {
                    url = url.resolve("/");
                }
                https |= scheme.equals("https");
                urls.add(url);
            } catch (URISyntaxException e) {
                context.configurationError(URL, "URL '" + ShownUrl.of(value) + "' is not a valid URL: "
                        + ShownUrl.of(e.getReason()));
            }
        }
        if (!https) {
            for (DirectiveSpec spec : TlsSettings.directives(TLS_PREFIX)) {
                if (configuration.isSet(spec.name())) {
                    context.configurationError(spec.name(), "'" + spec.name() + "' is only valid for HTTPS URLs");
                }
            }
        }
        List<String[]> headers = new ArrayList<>();
        for (String header : configuration.getList(ADD_HEADER)) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                context.configurationError(ADD_HEADER, "AddHeader '" + header + "' must be 'Name: value'");
                continue;
            }
            String name = header.substring(0, colon).trim();
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                context.configurationError(ADD_HEADER, "AddHeader cannot set " + name + ": the HTTP client sets it");
                continue;
            }
            String value = header.substring(colon + 1).trim();
            if (!acceptedHeader(name, value)) {
                context.configurationError(ADD_HEADER, "AddHeader '" + header + "' is not a valid HTTP header");
                continue;
            }
            headers.add(new String[]{name, value});
        }
        if (!acceptedHeader("Content-Type", configuration.getString(CONTENT_TYPE))) {
            context.configurationError(CONTENT_TYPE, "ContentType '" + configuration.getString(CONTENT_TYPE)
                    + "' is not a valid header value");
        }
        String user = configuration.getString(USER);
        String password = configuration.getString(PASSWORD);
        String authorization = null;
        if (user != null && password != null) {
            authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        } else if (user != null || password != null) {
            context.configurationWarning(user != null ? USER : PASSWORD, "Basic authentication needs both "
                    + USER + " and " + PASSWORD + "; no Authorization header is sent");
        }
        long flushLimit = configuration.getInteger(FLUSH_LIMIT, 500);
        if (flushLimit < 1 || flushLimit > 1_000_000) {
            context.configurationError(FLUSH_LIMIT, "FlushLimit " + flushLimit + " is out of range: use 1 to 1000000");
            flushLimit = 500;
        }
        Long interval = configuration.getDurationNanos(FLUSH_INTERVAL);
        BatchMode mode = BatchMode.valueOf(configuration.getString(BATCH_MODE).toUpperCase(Locale.ROOT));
        HttpClient.Builder client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(HttpOutput.TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (https) {
            try {
                TlsContext tls = TlsContext.create(TlsSettings.read(context, TLS_PREFIX), TLS_PREFIX);
                client.sslContext(tls.sslContext()).sslParameters(tls.parameters(null));
            } catch (GeneralSecurityException e) {
                context.configurationError(TlsSettings.directiveNamedIn(e.getMessage(), TLS_PREFIX), e.getMessage());
            }
        }
        if (urls.isEmpty()) {
            urls.add(URI.create("http://localhost/"));
        }
        HttpOutput output = new HttpOutput(context, new HttpSettings(urls, configuration.getString(CONTENT_TYPE),
                headers, authorization, mode, (int) flushLimit, interval == null ? 0 : interval), client.build());
        context.functions().register(new ProcedureDefinition("set_http_request_path", List.of(ValueType.STRING), false,
                Visibility.PRIVATE, (execution, arguments) -> {
                    if (arguments[0] == null) {
                        throw new ExecutionException("set_http_request_path() needs a path, not undef");
                    }
                    output.setRequestPath((String) arguments[0]);
                }));
        return output;
    }
}
