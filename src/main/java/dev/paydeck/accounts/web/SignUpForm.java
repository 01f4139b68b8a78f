package dev.paydeck.accounts.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person gives to sign up (API body and page form alike). */
record SignUpForm(
        @Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 254) String email,
        @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) String name,
        @Schema(example = "correct horse battery staple") @NotBlank
        @Size(min = 12, max = 72, message = "must be between 12 and 72 characters") String password) {
}
