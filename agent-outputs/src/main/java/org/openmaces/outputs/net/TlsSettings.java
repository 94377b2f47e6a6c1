package org.openmaces.outputs.net;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.ModuleConfiguration;
import org.openmaces.core.module.ModuleContext;

/**
 * The TLS directives of om_ssl ({@code CAFile}, ...) and om_http ({@code HTTPSCAFile}, ...): the same set,
 * with a prefix (modules spec §2.4, §2.5).
 */
public record TlsSettings(Path caFile, Path caDirectory, Path certificateFile, Path keyFile, String keyPassword,
                          Path crlFile, Path crlDirectory, boolean requireCertificate, boolean allowUntrusted,
                          boolean allowExpired, boolean verifyHost, List<String> protocols, List<String> cipherSuites) {
    static final String CA_FILE = "CAFile";
    static final String CA_DIR = "CADir";
    static final String CERT_FILE = "CertFile";
    static final String CERT_KEY_FILE = "CertKeyFile";
    static final String KEY_PASS = "KeyPass";
    static final String CRL_FILE = "CRLFile";
    static final String CRL_DIR = "CRLDir";
    static final String REQUIRE_CERT = "RequireCert";
    static final String ALLOW_UNTRUSTED = "AllowUntrusted";
    static final String ALLOW_EXPIRED = "AllowExpired";
    static final String VERIFY_HOST = "SSLVerifyHost";
    static final String PROTOCOL = "SSLProtocol";
    static final String CIPHER = "SSLCipher";
    static final String CIPHERSUITES = "SSLCiphersuites";
    static final String COMPRESSION = "SSLCompression";
    static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");

    /** The directives, each name with {@code prefix} ("" for om_ssl, "HTTPS" for om_http). */
    public static List<DirectiveSpec> directives(String prefix) {
        return List.of(
                DirectiveSpec.optional(prefix + CA_FILE, DirectiveType.PATH, null, "PEM file of CA certificates to verify the server"),
                DirectiveSpec.optional(prefix + CA_DIR, DirectiveType.PATH, null, "directory of PEM CA certificates"),
                DirectiveSpec.optional(prefix + CERT_FILE, DirectiveType.PATH, null, "PEM client certificate (chain)"),
                DirectiveSpec.optional(prefix + CERT_KEY_FILE, DirectiveType.PATH, null, "PEM private key of the client certificate"),
                DirectiveSpec.optional(prefix + KEY_PASS, DirectiveType.STRING, null, "passphrase of the private key"),
                DirectiveSpec.optional(prefix + CRL_FILE, DirectiveType.PATH, null, "PEM certificate revocation list"),
                DirectiveSpec.optional(prefix + CRL_DIR, DirectiveType.PATH, null, "directory of PEM revocation lists"),
                DirectiveSpec.optional(prefix + REQUIRE_CERT, DirectiveType.BOOLEAN, "TRUE", "the server must present a certificate"),
                DirectiveSpec.optional(prefix + ALLOW_UNTRUSTED, DirectiveType.BOOLEAN, "FALSE", "accept any server certificate"),
                DirectiveSpec.optional(prefix + ALLOW_EXPIRED, DirectiveType.BOOLEAN, "FALSE", "accept expired certificates"),
                DirectiveSpec.optional(prefix + VERIFY_HOST, DirectiveType.BOOLEAN, "TRUE",
                        "check that the server certificate names the host connected to"),
                DirectiveSpec.optional(prefix + PROTOCOL, DirectiveType.LIST, null, "allowed protocol versions, e.g. TLSv1.2, TLSv1.3"),
                DirectiveSpec.optional(prefix + CIPHER, DirectiveType.STRING, null, "TLS 1.2 cipher suites (IANA names, ':' or ',' separated)"),
                DirectiveSpec.optional(prefix + CIPHERSUITES, DirectiveType.STRING, null, "TLS 1.3 cipher suites (IANA names)"),
                DirectiveSpec.optional(prefix + COMPRESSION, DirectiveType.BOOLEAN, "FALSE", "TLS compression (not supported; FALSE only)"));
    }

    /** Reads the directives; problems are reported through the context as configuration errors. */
    public static TlsSettings read(ModuleContext context, String prefix) {
        ModuleConfiguration configuration = context.configuration();
        List<String> protocols = configuration.getList(prefix + PROTOCOL);
        List<String> normalized = new ArrayList<>();
        for (String protocol : protocols) {
            String name = normalizeProtocol(protocol.trim());
            if (name == null) {
                context.configurationError(prefix + PROTOCOL, "unsupported protocol '" + protocol
                        + "' in " + prefix + PROTOCOL + ": use TLSv1.2 and/or TLSv1.3");
            } else {
                normalized.add(name);
            }
        }
        List<String> ciphers = new ArrayList<>();
        for (String directive : List.of(prefix + CIPHER, prefix + CIPHERSUITES)) {
            String value = configuration.getString(directive);
            if (value != null) {
                for (String cipher : value.split("[:,\\s]+")) {
                    if (!cipher.isEmpty()) {
                        ciphers.add(cipher);
                    }
                }
            }
        }
        if (configuration.getBoolean(prefix + COMPRESSION, false)) {
            context.configurationWarning(prefix + COMPRESSION, "TLS compression is not supported (it leaks secrets,"
                    + " CRIME); connections are made without it");
        }
        if (!configuration.getBoolean(prefix + REQUIRE_CERT, true)) {
            context.configurationWarning(prefix + REQUIRE_CERT, prefix + REQUIRE_CERT
                    + " FALSE has no effect: every cipher suite offered needs a server certificate; use "
                    + prefix + ALLOW_UNTRUSTED + " TRUE to accept any certificate");
        }
        boolean certificate = configuration.isSet(prefix + CERT_FILE);
        boolean key = configuration.isSet(prefix + CERT_KEY_FILE);
        if (certificate != key) {
            context.configurationError(certificate ? prefix + CERT_FILE : prefix + CERT_KEY_FILE,
                    prefix + CERT_FILE + " and " + prefix + CERT_KEY_FILE + " go together: set both or neither");
        }
        return new TlsSettings(path(configuration, prefix + CA_FILE), path(configuration, prefix + CA_DIR),
                path(configuration, prefix + CERT_FILE), path(configuration, prefix + CERT_KEY_FILE),
                configuration.getString(prefix + KEY_PASS), path(configuration, prefix + CRL_FILE),
                path(configuration, prefix + CRL_DIR), configuration.getBoolean(prefix + REQUIRE_CERT, true),
                configuration.getBoolean(prefix + ALLOW_UNTRUSTED, false),
                configuration.getBoolean(prefix + ALLOW_EXPIRED, false),
                configuration.getBoolean(prefix + VERIFY_HOST, true),
                normalized.isEmpty() ? DEFAULT_PROTOCOLS : List.copyOf(normalized), List.copyOf(ciphers));
    }

    /** The directive a TLS error message starts with, for its line number; CAFile when none. */
    public static String directiveNamedIn(String message, String prefix) {
        String best = prefix + CA_FILE;
        for (DirectiveSpec spec : directives(prefix)) {
            if (message != null && message.startsWith(spec.name() + " ")) {
                best = spec.name();
            }
        }
        return best;
    }

    private static Path path(ModuleConfiguration configuration, String directive) {
        String value = configuration.getString(directive);
        return value == null ? null : Path.of(value);
    }

    private static String normalizeProtocol(String name) {
        String compact = name.replace("_", ".").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        switch (compact) {
            case "tlsv1.2":
            case "tls1.2":
                return "TLSv1.2";
            case "tlsv1.3":
            case "tls1.3":
                return "TLSv1.3";
            default:
                return null;
        }
    }
}
