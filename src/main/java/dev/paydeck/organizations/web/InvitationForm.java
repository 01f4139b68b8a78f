package dev.paydeck.organizations.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An invitation from the members page; field errors are worded in the bundles ({@code Email.invitationForm.email}). */
record InvitationForm(@NotBlank @Email @Size(max = 254) String email,
                      @NotBlank @Pattern(regexp = "^(owner|admin|viewer)$") String role) {

    static InvitationForm empty() {
        return new InvitationForm("", "viewer");
    }
}
