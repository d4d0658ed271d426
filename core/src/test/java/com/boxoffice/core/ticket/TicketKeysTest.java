package com.boxoffice.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketKeysTest {

    private static final TicketPayload PAYLOAD = TicketPayload.of("t-1", "o-1", "p-1", "s-1", 100);

    @TempDir
    Path dir;

    @Test
    void loadOrCreateTwiceGivesTheSameKey() {
        Path keyDir = dir.resolve("keys");
        KeyPair first = TicketKeys.loadOrCreate(keyDir);
        KeyPair second = TicketKeys.loadOrCreate(keyDir);

        assertThat(second.getPrivate().getEncoded()).isEqualTo(first.getPrivate().getEncoded());
        assertThat(second.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
        String code = new TicketSigner(first.getPrivate()).sign(PAYLOAD);
        assertThat(new TicketVerifier(second.getPublic()).verify(code)).isEqualTo(PAYLOAD);
    }

    @Test
    void storedPrivateKeyIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path keyDir = dir.resolve("keys");
        TicketKeys.loadOrCreate(keyDir);

        assertThat(Files.getPosixFilePermissions(keyDir.resolve(TicketKeys.PRIVATE_KEY_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(keyDir))
                .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        assertThat(Files.list(keyDir).map(p -> p.getFileName().toString()))
                .as("no temporary files left behind")
                .noneMatch(name -> name.endsWith(".tmp"));
    }

    @Test
    void exportedPublicKeyPemVerifiesCodes() {
        KeyPair keys = TicketKeys.loadOrCreate(dir);
        String pem = TicketKeys.publicKeyPem(keys.getPublic());

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        TicketVerifier scanner = new TicketVerifier(TicketKeys.publicKeyFromPem(pem));
        assertThat(scanner.verify(new TicketSigner(keys.getPrivate()).sign(PAYLOAD))).isEqualTo(PAYLOAD);
    }

    @Test
    void privateKeyPemRoundTrips() {
        KeyPair keys = TicketKeys.generate();

        assertThat(TicketKeys.privateKeyFromPem(TicketKeys.privateKeyPem(keys.getPrivate())).getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void keysAreReadFromDerFilesToo() throws Exception {
        KeyPair keys = TicketKeys.generate();
        Path privateDer = Files.write(dir.resolve("key.pk8"), keys.getPrivate().getEncoded());
        Path publicDer = Files.write(dir.resolve("key.x509"), keys.getPublic().getEncoded());

        KeyPair loaded = TicketKeys.load(privateDer, publicDer);

        assertThat(loaded.getPrivate().getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        assertThat(loaded.getPublic().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
    }

    @Test
    void publicKeyOfAnotherPairIsRefusedAndNothingIsOverwritten() throws Exception {
        TicketKeys.loadOrCreate(dir);
        Path privateFile = dir.resolve(TicketKeys.PRIVATE_KEY_FILE);
        byte[] privateBefore = Files.readAllBytes(privateFile);
        Files.writeString(dir.resolve(TicketKeys.PUBLIC_KEY_FILE),
                TicketKeys.publicKeyPem(TicketKeys.generate().getPublic()));

        assertThatThrownBy(() -> TicketKeys.loadOrCreate(dir))
                .isInstanceOf(TicketKeyException.class)
                .hasMessageContaining("does not belong");
        assertThat(Files.readAllBytes(privateFile)).isEqualTo(privateBefore);
    }

    @Test
    void privateKeyWithoutItsPublicKeyIsRefusedAndNotReplaced() throws Exception {
        TicketKeys.loadOrCreate(dir);
        Path privateFile = dir.resolve(TicketKeys.PRIVATE_KEY_FILE);
        byte[] privateBefore = Files.readAllBytes(privateFile);
        Files.delete(dir.resolve(TicketKeys.PUBLIC_KEY_FILE));

        assertThatThrownBy(() -> TicketKeys.loadOrCreate(dir)).isInstanceOf(TicketKeyException.class);
        assertThat(Files.readAllBytes(privateFile)).isEqualTo(privateBefore);
        assertThat(dir.resolve(TicketKeys.PUBLIC_KEY_FILE)).doesNotExist();
    }

    @Test
    void publicKeyLeftWithoutPrivateKeyIsReplacedByAFreshPair() throws Exception {
        // What a crash between writing the two files leaves; nothing was signed with it.
        Files.writeString(dir.resolve(TicketKeys.PUBLIC_KEY_FILE),
                TicketKeys.publicKeyPem(TicketKeys.generate().getPublic()));

        KeyPair keys = TicketKeys.loadOrCreate(dir);

        assertThat(TicketKeys.loadOrCreate(dir).getPublic().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
    }

    @Test
    void nonEd25519KeysAreRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rsaKeys = rsa.generateKeyPair();
        String rsaPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(rsaKeys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        assertThatThrownBy(() -> TicketKeys.publicKeyFromPem(rsaPem)).isInstanceOf(TicketKeyException.class);
        assertThatThrownBy(() -> new TicketSigner(rsaKeys.getPrivate())).isInstanceOf(TicketKeyException.class);
        assertThatThrownBy(() -> new TicketVerifier(rsaKeys.getPublic())).isInstanceOf(TicketKeyException.class);
    }

    @Test
    void pemOfTheWrongKindIsRefused() {
        String privatePem = TicketKeys.privateKeyPem(TicketKeys.generate().getPrivate());

        assertThatThrownBy(() -> TicketKeys.publicKeyFromPem(privatePem))
                .isInstanceOf(TicketKeyException.class)
                .hasMessageContaining("PRIVATE KEY");
        assertThatThrownBy(() -> TicketKeys.publicKeyFromPem("not a key")).isInstanceOf(TicketKeyException.class);
    }
}
