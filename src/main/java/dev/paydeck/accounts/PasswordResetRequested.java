package dev.paydeck.accounts;

import java.util.UUID;

/**
 * Someone asked for a password reset link for this email (which may have no account: nothing tells them apart). The
 * mail goes out after commit, once per {@code id}.
 *
 * @param language the language of the page it was asked on (a BCP 47 tag), for the mail
 */
public record PasswordResetRequested(UUID id, String email, String language) {
}
