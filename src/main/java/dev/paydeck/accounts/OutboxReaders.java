package dev.paydeck.accounts;

import dev.paydeck.platform.MailReaders;
import dev.paydeck.shared.OrganizationId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who reads which mails of the outbox: a person, their organizations (all of them listed, those they own or administer
 * opened), and whether they are the instance's staff, who see every mail. The staff are the emails of
 * {@code paydeck.mail.staff}; with none there and no SMTP server, the person who signed up first (who installed
 * Paydeck, as with the demo shop), so that the default run shows every mail, a password reset's too.
 */
@Component
class OutboxReaders implements MailReaders {

    private final MembershipRecords memberships;
    private final People people;
    private final Set<String> staff;
    private final boolean smtp;

    OutboxReaders(MembershipRecords memberships, People people,
            @Value("${paydeck.mail.staff:}") List<String> staff, @Value("${spring.mail.host:}") String smtpHost) {
        this.memberships = memberships;
        this.people = people;
        this.staff = staff.stream().map(email -> email.strip().toLowerCase(Locale.ROOT))
                .filter(email -> !email.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.smtp = smtpHost != null && !smtpHost.isBlank();
    }

    @Override
    public Optional<MailReader> reader(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInPerson person)) {
            return Optional.empty();
        }
        Map<OrganizationId, Role> roles = memberships.rolesOf(person.id());
        Set<OrganizationId> managed = roles.entrySet().stream()
                .filter(role -> role.getValue() == Role.OWNER || role.getValue() == Role.ADMIN)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        return Optional.of(new MailReader(person.email(), roles.keySet(), managed, isStaff(person.email())));
    }

    private boolean isStaff(String email) {
        String normalized = email.toLowerCase(Locale.ROOT);
        if (!staff.isEmpty()) {
            return staff.contains(normalized);
        }
        return !smtp && people.firstEmail().map(first -> first.equalsIgnoreCase(normalized)).orElse(false);
    }
}
