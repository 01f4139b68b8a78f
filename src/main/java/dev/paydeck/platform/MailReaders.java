package dev.paydeck.platform;

import dev.paydeck.shared.OrganizationId;
import org.springframework.security.core.Authentication;

import java.util.Optional;
import java.util.Set;

/**
 * Who may read which mails of the outbox: the module that knows people and their organizations provides it.
 */
public interface MailReaders {

    /** What the signed-in person may read; empty when the authentication is not a person. */
    Optional<MailReader> reader(Authentication authentication);

    /**
     * A person reading the outbox.
     *
     * @param email         mails addressed here are theirs
     * @param organizations mails about these organizations are listed to them (they are members)
     * @param managed       mails about these organizations may be opened by them (they are owners or admins)
     * @param staff         the instance's staff, who see every mail
     */
    record MailReader(String email, Set<OrganizationId> organizations, Set<OrganizationId> managed, boolean staff) {

        public MailReader {
            organizations = Set.copyOf(organizations);
            managed = Set.copyOf(managed);
        }
    }
}
