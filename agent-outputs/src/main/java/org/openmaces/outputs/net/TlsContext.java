package org.openmaces.outputs.net;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CRL;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A client TLS context built from {@link TlsSettings}: the server's chain is verified against CAFile/CADir
 * (or the JDK's trust store when neither is set), with CRLs when given, and its host name is checked,
 * unless AllowUntrusted; AllowExpired accepts a chain whose only fault is an expired certificate.
 */
public final class TlsContext {
    private final TlsSettings settings;
    private final SSLContext context;

    private TlsContext(TlsSettings settings, SSLContext context) {
        this.settings = settings;
        this.context = context;
    }

    /**
     * Loads the files the settings name.
     *
     * @throws GeneralSecurityException with a message that names the file at fault
     */
    public static TlsContext create(TlsSettings settings, String directivePrefix) throws GeneralSecurityException {
        KeyManager[] keyManagers = null;
        if (settings.certificateFile() != null && settings.keyFile() != null) {
            keyManagers = keyManagers(settings, directivePrefix);
        }
        TrustManager trustManager = settings.allowUntrusted() ? new AcceptingTrustManager()
                : new VerifyingTrustManager(settings, trustParameters(settings, directivePrefix));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, new TrustManager[]{trustManager}, null);
        return new TlsContext(settings, context);
    }

    public SSLContext sslContext() {
        return context;
    }

    /** Protocols, cipher suites, host name check and SNI for a connection to {@code host}. */
    public SSLParameters parameters(String host) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(settings.protocols().toArray(new String[0]));
        if (!settings.cipherSuites().isEmpty()) {
            parameters.setCipherSuites(settings.cipherSuites().toArray(new String[0]));
        }
        if (settings.verifyHost() && !settings.allowUntrusted()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (host != null && !host.isEmpty() && !Character.isDigit(host.charAt(0)) && host.indexOf(':') < 0) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        return parameters;
    }

    private static KeyManager[] keyManagers(TlsSettings settings, String prefix) throws GeneralSecurityException {
        List<X509Certificate> chain;
        try {
            chain = PemFiles.certificates(settings.certificateFile());
        } catch (IOException | GeneralSecurityException e) {
            throw failure(prefix + TlsSettings.CERT_FILE, settings.certificateFile(), e);
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException(prefix + TlsSettings.CERT_FILE + " " + settings.certificateFile()
                    + " holds no PEM certificate");
        }
        PrivateKey key;
        try {
            key = PemFiles.privateKey(settings.keyFile(), settings.keyPassword());
        } catch (IOException | GeneralSecurityException e) {
            throw failure(prefix + TlsSettings.CERT_KEY_FILE, settings.keyFile(), e);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory.getKeyManagers();
        } catch (IOException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    /** Trust anchors and CRLs; null parameters mean the JDK's own trust store. */
    private static PKIXBuilderParameters trustParameters(TlsSettings settings, String prefix)
            throws GeneralSecurityException {
        List<X509Certificate> anchors = new ArrayList<>();
        if (settings.caFile() != null) {
            anchors.addAll(read(prefix + TlsSettings.CA_FILE, settings.caFile()));
            if (anchors.isEmpty()) {
                throw new GeneralSecurityException(prefix + TlsSettings.CA_FILE + " " + settings.caFile()
                        + " holds no PEM certificate");
            }
        }
        if (settings.caDirectory() != null) {
            for (Path file : files(prefix + TlsSettings.CA_DIR, settings.caDirectory())) {
                try {
                    anchors.addAll(PemFiles.certificates(file));
                } catch (IOException | GeneralSecurityException e) {
                    // CADir may hold other files (CRLs, READMEs): only certificates count.
                }
            }
        }
        List<CRL> crls = new ArrayList<>();
        if (settings.crlFile() != null) {
            try {
                crls.addAll(PemFiles.crls(settings.crlFile()));
            } catch (IOException | GeneralSecurityException e) {
                throw failure(prefix + TlsSettings.CRL_FILE, settings.crlFile(), e);
            }
        }
        if (settings.crlDirectory() != null) {
            for (Path file : files(prefix + TlsSettings.CRL_DIR, settings.crlDirectory())) {
                try {
                    crls.addAll(PemFiles.crls(file));
                } catch (IOException | GeneralSecurityException e) {
                    // not a CRL
                }
            }
        }
        KeyStore store;
        try {
            if (anchors.isEmpty()) {
                if (settings.caFile() != null || settings.caDirectory() != null) {
                    throw new GeneralSecurityException(prefix + TlsSettings.CA_DIR + " " + settings.caDirectory()
                            + " holds no PEM certificate");
                }
                store = systemStore();
            } else {
                store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                for (int i = 0; i < anchors.size(); i++) {
                    store.setCertificateEntry("ca" + i, anchors.get(i));
                }
            }
        } catch (IOException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(store, new X509CertSelector());
        parameters.setRevocationEnabled(!crls.isEmpty());
        if (!crls.isEmpty()) {
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        }
        return parameters;
    }

    private static KeyStore systemStore() throws GeneralSecurityException, IOException {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try (var in = Files.newInputStream(cacerts)) {
            store.load(in, null);
        }
        return store;
    }

    private static List<X509Certificate> read(String directive, Path file) throws GeneralSecurityException {
        try {
            return PemFiles.certificates(file);
        } catch (IOException | GeneralSecurityException e) {
            throw failure(directive, file, e);
        }
    }

    private static List<Path> files(String directive, Path directory) throws GeneralSecurityException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw failure(directive, directory, e);
        }
        files.sort(null);
        return files;
    }

    private static GeneralSecurityException failure(String directive, Path file, Exception e) {
        String reason = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
        return new GeneralSecurityException(directive + " " + file + ": " + reason, e);
    }

    /** AllowUntrusted: any server certificate is accepted, and no host name is checked. */
    private static final class AcceptingTrustManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /**
     * The JDK's PKIX checks over our anchors and CRLs. The host name is checked by the JDK when the connection's
     * parameters ask for it (SSLVerifyHost); with it off, the chain alone is checked. AllowExpired retries a
     * chain refused as expired at a date within its validity.
     */
    private static final class VerifyingTrustManager extends X509ExtendedTrustManager {
        private final TlsSettings settings;
        private final PKIXBuilderParameters parameters;
        private final X509ExtendedTrustManager delegate;

        VerifyingTrustManager(TlsSettings settings, PKIXBuilderParameters parameters) throws GeneralSecurityException {
            this.settings = settings;
            this.parameters = parameters;
            this.delegate = delegate(parameters);
        }

        private static X509ExtendedTrustManager delegate(PKIXBuilderParameters parameters) throws GeneralSecurityException {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(new CertPathTrustManagerParameters(parameters));
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
            }
            throw new GeneralSecurityException("the JDK offers no X509ExtendedTrustManager");
        }

        private interface Check {
            void run(X509ExtendedTrustManager manager) throws CertificateException;
        }

        private void check(X509Certificate[] chain, Check check) throws CertificateException {
            try {
                check.run(delegate);
            } catch (CertificateException e) {
                if (!settings.allowExpired() || !expired(e) || chain.length == 0) {
                    throw e;
                }
                try {
                    PKIXBuilderParameters atExpiry = (PKIXBuilderParameters) parameters.clone();
                    Date earliestEnd = chain[0].getNotAfter();
                    for (X509Certificate certificate : chain) {
                        if (certificate.getNotAfter().before(earliestEnd)) {
                            earliestEnd = certificate.getNotAfter();
                        }
                    }
                    atExpiry.setDate(new Date(earliestEnd.getTime() - 1000));
                    check.run(delegate(atExpiry));
                } catch (GeneralSecurityException again) {
                    throw e;
                }
            }
        }

        private static boolean expired(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof CertificateExpiredException) {
                    return true;
                }
                if (cause instanceof CertPathValidatorException validation
                        && validation.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain, manager -> {
                if (settings.verifyHost()) {
                    manager.checkServerTrusted(chain, authType, socket);
                } else {
                    manager.checkServerTrusted(chain, authType);
                }
            });
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain, manager -> {
                if (settings.verifyHost()) {
                    manager.checkServerTrusted(chain, authType, engine);
                } else {
                    manager.checkServerTrusted(chain, authType);
                }
            });
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, manager -> manager.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("this is a client: it does not accept client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("this is a client: it does not accept client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this is a client: it does not accept client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
