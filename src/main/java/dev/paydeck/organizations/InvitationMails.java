package dev.paydeck.organizations;

import dev.paydeck.accounts.Accounts;
import dev.paydeck.accounts.Person;
import dev.paydeck.platform.Mail;
import dev.paydeck.platform.MailMessage;
import dev.paydeck.platform.PaydeckProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Locale;
import java.util.Map;

/**
 * Tells an invited email about its invitation, after commit: a link to sign up with that email (the membership is
 * granted when it signs up), or, when the email had an account and is a member already, a link to sign in.
 */
@Component
class InvitationMails {

    private final Mail mail;
    private final Organizations organizations;
    private final Accounts accounts;
    private final String publicUrl;

    InvitationMails(Mail mail, Organizations organizations, Accounts accounts, PaydeckProperties properties) {
        this.mail = mail;
        this.organizations = organizations;
        this.accounts = accounts;
        this.publicUrl = properties.publicUrl();
    }

    @ApplicationModuleListener
    void invited(MemberInvited invitation) {
        String organization = organizations.find(invitation.organization()).map(Organization::name)
                .orElse(invitation.organization().toString());
        String inviter = invitation.invitedBy() == null ? null
                : accounts.find(invitation.invitedBy()).map(Person::name).orElse(null);
        String link = invitation.added() ? publicUrl + "/login"
                : UriComponentsBuilder.fromUriString(publicUrl).path("/signup")
                        .queryParam("email", invitation.email()).encode().build().toUriString();
        var variables = new java.util.HashMap<String, Object>(Map.of("organization", organization,
                "role", invitation.role().code(), "email", invitation.email(), "link", link,
                "added", invitation.added()));
        if (inviter != null) {
            variables.put("inviter", inviter);
        }
        mail.send(new MailMessage("invitation:" + invitation.id(), invitation.organization(), invitation.email(),
                "invitation", variables, Locale.ENGLISH, false));
    }
}
