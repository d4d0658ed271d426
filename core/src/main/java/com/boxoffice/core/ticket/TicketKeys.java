package com.boxoffice.core.ticket;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key pair that signs ticket codes: generating it, storing it, reading it back, and
 * handing the public half to door scanners as PEM.
 *
 * <p>Keys are read from PEM text ({@code -----BEGIN PRIVATE KEY-----} PKCS#8,
 * {@code -----BEGIN PUBLIC KEY-----} X.509) or from the same structures as raw DER files.
 */
public final class TicketKeys {

    /** File name of the private key (PKCS#8 PEM) in a key directory. */
    public static final String PRIVATE_KEY_FILE = "ticket-signing-key.pem";

    /** File name of the public key (X.509 PEM) in a key directory; this one may be handed out. */
    public static final String PUBLIC_KEY_FILE = "ticket-public-key.pem";

    static final String ALGORITHM = "Ed25519";

    private static final String LOCK_FILE = ".ticket-keys.lock";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private TicketKeys() {
    }

    /** A fresh key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new TicketKeyException("Ed25519 is not available: " + e.getMessage());
        }
    }

    /**
     * The key pair stored in {@code dir}, made and stored there first if there is none. The private key
     * file is readable by its owner only where the file system has POSIX permissions.
     *
     * <p>Every code signed so far depends on the stored private key, so an existing key is never
     * replaced: a private key without its public key, or a pair that does not match, is an error for an
     * operator to look at, not something to paper over with a new key.
     */
    public static KeyPair loadOrCreate(Path dir) {
        Objects.requireNonNull(dir, "dir");
        // The file lock keeps two processes from each writing a key; it does not exclude threads of
        // one process, which the class lock does.
        synchronized (TicketKeys.class) {
            try {
                createOwnerOnlyDirectories(dir);
                try (FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = lockChannel.lock()) {
                    Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
                    Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
                    if (Files.exists(privateFile)) {
                        if (!Files.exists(publicFile)) {
                            throw new TicketKeyException("Found " + privateFile + " but not " + publicFile
                                    + "; restore the public key from a scanner or a backup");
                        }
                        return load(privateFile, publicFile);
                    }
                    KeyPair pair = generate();
                    // Public key first: a crash between the two leaves no private key, and the next
                    // start makes a fresh pair, which is safe because nothing was signed with this one.
                    writeAtomically(publicFile, publicKeyPem(pair.getPublic()), false);
                    writeAtomically(privateFile, privateKeyPem(pair.getPrivate()), true);
                    return pair;
                }
            } catch (IOException e) {
                throw new TicketKeyException("Cannot read or store ticket keys in " + dir + ": " + e.getMessage());
            }
        }
    }

    /** A key pair from two files, each PEM or DER; refused if the two keys do not belong together. */
    public static KeyPair load(Path privateKeyFile, Path publicKeyFile) {
        KeyPair pair = new KeyPair(readPublicKey(publicKeyFile), readPrivateKey(privateKeyFile));
        requireMatchingPair(pair);
        return pair;
    }

    /** A private key from a PKCS#8 file, PEM or DER. */
    public static PrivateKey readPrivateKey(Path file) {
        return privateKeyFromEncoded(readKeyFile(file, "PRIVATE KEY"));
    }

    /** A public key from an X.509 SubjectPublicKeyInfo file, PEM or DER. */
    public static PublicKey readPublicKey(Path file) {
        return publicKeyFromEncoded(readKeyFile(file, "PUBLIC KEY"));
    }

    /** A private key from PKCS#8 PEM text. */
    public static PrivateKey privateKeyFromPem(String pem) {
        return privateKeyFromEncoded(fromPem(pem, "PRIVATE KEY"));
    }

    /** A public key from X.509 PEM text, as {@link #publicKeyPem} writes it. */
    public static PublicKey publicKeyFromPem(String pem) {
        return publicKeyFromEncoded(fromPem(pem, "PUBLIC KEY"));
    }

    /** The public key as PEM text, for configuring door scanners. */
    public static String publicKeyPem(PublicKey key) {
        requireEd25519(key);
        return toPem("PUBLIC KEY", key.getEncoded());
    }

    /** The private key as PKCS#8 PEM text. Keep it secret: whoever has it can print valid tickets. */
    public static String privateKeyPem(PrivateKey key) {
        requireEd25519(key);
        return toPem("PRIVATE KEY", key.getEncoded());
    }

    static boolean isEd25519(Key key) {
        return key instanceof EdECKey edec && ALGORITHM.equalsIgnoreCase(edec.getParams().getName());
    }

    private static PrivateKey privateKeyFromEncoded(byte[] der) {
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            requireEd25519(key);
            return key;
        } catch (GeneralSecurityException e) {
            throw new TicketKeyException("Not an Ed25519 PKCS#8 private key: " + e.getMessage());
        }
    }

    private static PublicKey publicKeyFromEncoded(byte[] der) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            requireEd25519(key);
            return key;
        } catch (GeneralSecurityException e) {
            throw new TicketKeyException("Not an Ed25519 X.509 public key: " + e.getMessage());
        }
    }

    private static void requireEd25519(Key key) {
        Objects.requireNonNull(key, "key");
        if (!isEd25519(key)) {
            throw new TicketKeyException("Not an Ed25519 key: " + key.getAlgorithm());
        }
    }

    private static void requireMatchingPair(KeyPair pair) {
        try {
            byte[] probe = "ticket key pair check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(pair.getPrivate());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(pair.getPublic());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new TicketKeyException("The ticket public key does not belong to the private key");
            }
        } catch (GeneralSecurityException e) {
            throw new TicketKeyException("Cannot check the ticket key pair: " + e.getMessage());
        }
    }

    private static byte[] readKeyFile(Path file, String type) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TicketKeyException("Cannot read key file " + file + ": " + e.getMessage());
        }
        String text = new String(content, StandardCharsets.US_ASCII);
        return text.contains("-----BEGIN") ? fromPem(text, type) : content;
    }

    private static byte[] fromPem(String pem, String type) {
        Objects.requireNonNull(pem, "pem");
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find()) {
            throw new TicketKeyException("Not PEM text: expected -----BEGIN " + type + "-----");
        }
        if (!matcher.group(1).equals(type)) {
            throw new TicketKeyException("Expected a PEM " + type + ", found " + matcher.group(1));
        }
        try {
            return Base64.getMimeDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw new TicketKeyException("PEM " + type + " is not valid base64");
        }
    }

    private static String toPem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void createOwnerOnlyDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path dir = target.getParent();
        FileAttribute<?>[] attributes = posix(target)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"))}
                : new FileAttribute<?>[0];
        // Created with its final permissions, so the key is never readable by others, not even briefly.
        Path temp = Files.createTempFile(dir, ".ticket-key-", ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
