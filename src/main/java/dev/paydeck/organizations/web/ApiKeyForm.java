package dev.paydeck.organizations.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new API key from the API keys page; field errors are worded in the bundles ({@code NotBlank.apiKeyForm.name}). */
record ApiKeyForm(@NotBlank @Size(max = 100) String name, @NotBlank @Pattern(regexp = "^(admin|viewer)$") String role) {

    static ApiKeyForm empty() {
        return new ApiKeyForm("", "admin");
    }
}
