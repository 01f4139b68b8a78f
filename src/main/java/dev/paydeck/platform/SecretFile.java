package dev.paydeck.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A random key kept in a file of the data directory (base64), generated at first use and readable by its owner
 * only: for keys an operator may also supply through configuration (master key, token signing key), and the
 * embedded database's password.
 */
public final class SecretFile {

    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {
    }

    public static byte[] readOrCreate(Path file, int length) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] generated = new byte[length];
            new SecureRandom().nextBytes(generated);
            try {
                // Created owner-only, not narrowed after writing: no moment when others could read the key.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file); // best effort on file systems without POSIX permissions
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }
}
