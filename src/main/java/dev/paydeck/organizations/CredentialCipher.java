package dev.paydeck.organizations;

import dev.paydeck.platform.PaydeckProperties;
import dev.paydeck.platform.SecretFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts organizations' Stripe secrets at rest with AES-256-GCM. The master key comes from
 * {@code PAYDECK_MASTER_KEY} (base64 of 32 bytes) or is generated once into {@code <data dir>/master.key}
 * (owner-readable only). Each ciphertext is a fresh 12-byte nonce followed by the sealed text, bound to the
 * organization id (additional authenticated data) so a ciphertext cannot be moved to another organization.
 */
@Component
class CredentialCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    CredentialCipher(PaydeckProperties properties, @Value("${paydeck.master-key:}") String configuredKey) {
        byte[] bytes = configuredKey.isBlank()
                ? SecretFile.readOrCreate(properties.dataDirectory().resolve("master.key"), 32)
                : decode(configuredKey);
        this.key = new SecretKeySpec(bytes, "AES");
    }

    byte[] encrypt(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    String decrypt(byte[] ciphertext, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored credential could not be decrypted: is PAYDECK_MASTER_KEY the "
                    + "one it was stored with?");
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("PAYDECK_MASTER_KEY must be the base64 of 32 random bytes "
                    + "(e.g. openssl rand -base64 32)");
        }
        return bytes;
    }
}
