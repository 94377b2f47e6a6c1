package org.openmaces.outputs.net;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads PEM files as OpenSSL writes them: certificates, CRLs and private keys in PKCS#8 (plain or
 * encrypted with a passphrase), PKCS#1 RSA and SEC1 EC form. Legacy OpenSSL-encrypted PKCS#1/SEC1 keys
 * ({@code Proc-Type: 4,ENCRYPTED}) are refused with a hint to convert them.
 */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);
    /** DER of the AlgorithmIdentifier rsaEncryption with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** DER of the OID id-ecPublicKey. */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private PemFiles() {
    }

    static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        for (var certificate : factory.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    static List<CRL> crls(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        return new ArrayList<>(factory.generateCRLs(new ByteArrayInputStream(Files.readAllBytes(file))));
    }

    static PrivateKey privateKey(Path file, String password) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            String type = block.group(1);
            String body = block.group(2);
            if (!type.endsWith("PRIVATE KEY")) {
                continue;
            }
            if (body.contains("Proc-Type:")) {
                throw new GeneralSecurityException("the key is encrypted in OpenSSL's legacy format; convert it with"
                        + " 'openssl pkcs8 -topk8 -in OLD -out NEW' (and use KeyPass for its passphrase)");
            }
            byte[] der = Base64.getMimeDecoder().decode(body);
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(der);
                case "ENCRYPTED PRIVATE KEY":
                    if (password == null) {
                        throw new GeneralSecurityException("the key is encrypted: set KeyPass to its passphrase");
                    }
                    return pkcs8(decrypt(der, password));
                case "RSA PRIVATE KEY":
                    return pkcs8(sequence(integerZero(), RSA_ALGORITHM, octetString(der)));
                case "EC PRIVATE KEY":
                    return pkcs8(sequence(integerZero(), sequence(EC_PUBLIC_KEY, ecCurve(der)), octetString(der)));
                default:
                    throw new GeneralSecurityException("unsupported key type '" + type + "'");
            }
        }
        throw new GeneralSecurityException("no PEM private key in the file");
    }

    private static byte[] decrypt(byte[] der, String password) throws IOException, GeneralSecurityException {
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        // For PBES2 (OpenSSL's default) the parameters name the real algorithm, e.g. PBEWithHmacSHA256AndAES_256.
        String algorithm = info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
        SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(password.toCharArray())),
                info.getAlgParameters());
        try {
            return info.getKeySpec(cipher).getEncoded();
        } catch (InvalidKeySpecException e) {
            throw new GeneralSecurityException("cannot decrypt the key: wrong KeyPass?");
        }
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("the private key is of an unsupported algorithm");
    }

    /** The named-curve OID inside a SEC1 ECPrivateKey ({@code [0]} parameters). */
    private static byte[] ecCurve(byte[] sec1) throws GeneralSecurityException {
        for (int i = 0; i + 2 < sec1.length; i++) {
            if ((sec1[i] & 0xff) == 0xa0 && sec1[i + 2] == 0x06) {
                int length = sec1[i + 3] & 0xff;
                byte[] oid = new byte[length + 2];
                System.arraycopy(sec1, i + 2, oid, 0, length + 2);
                return oid;
            }
        }
        throw new GeneralSecurityException("the EC key names no curve; convert it with 'openssl pkcs8 -topk8 -nocrypt'");
    }

    private static byte[] integerZero() {
        return new byte[]{0x02, 0x01, 0x00};
    }

    private static byte[] octetString(byte[] content) {
        return tagged(0x04, content);
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tagged(0x30, content.toByteArray());
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
