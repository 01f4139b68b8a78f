package dev.paydeck.sandbox.web;

import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is looking at the sandbox pages, and what they may do with each account (resolved by {@link VisitorResolver}).
 *
 * <p>In sandbox-only mode (an emulator, on loopback by default) the pages are open: anyone sees and acts on every
 * listed account. In the full product Paydeck's security lets only signed-in people reach the pages, and a person
 * sees only:
 * <ul>
 *   <li>the accounts they opened themselves ({@link SandboxAccount#createdBy()}, the name of Spring Security's
 *       principal when they opened it), on which they act;</li>
 *   <li>the accounts granted to them in the request attribute {@value #ACCESS_ATTRIBUTE}.</li>
 * </ul>
 *
 * <p><b>The contract with the rest of Paydeck.</b> The sandbox knows nothing of Paydeck's people and organizations:
 * it depends on no other module and none depends on it ({@code ModularityTests}), so they meet on a request
 * attribute of plain JDK types. Before a sandbox page runs, another part of Paydeck (the organizations module's
 * {@code SandboxAccessFilter}) may put under {@value #ACCESS_ATTRIBUTE} a {@code Map<String, String>}: a sandbox
 * account's <em>publishable key</em> to {@value #READ} (see the account, its requests, events and endpoints; keys
 * masked but the publishable key) or {@value #ACT} (also reveal the secret keys, reset the data, add endpoints and
 * send test events). The publishable key names the account because it is what Paydeck holds of an account it opened
 * for an organization: it identifies one account and is no secret. An account neither granted nor opened by the
 * person answers 404, as one that does not exist; a write on an account granted {@value #READ} answers 403.
 */
record Visitor(boolean open, String person, Map<String, String> grants) {

    /** The request attribute of the accounts granted to the signed-in person: publishable key → read or act. */
    static final String ACCESS_ATTRIBUTE = "paydeck.sandbox.account-access";
    static final String READ = "read";
    static final String ACT = "act";

    enum Access { NONE, READ, ACT }

    Visitor {
        grants = grants == null ? Map.of() : Map.copyOf(grants);
    }

    Access accessTo(SandboxAccount account) {
        if (open) {
            return account.listed() ? Access.ACT : Access.NONE;
        }
        if (person != null && person.equals(account.createdBy())) {
            return Access.ACT;
        }
        return switch (grants.getOrDefault(account.publishableKey(), "")) {
            case ACT -> Access.ACT;
            case READ -> Access.READ;
            default -> Access.NONE;
        };
    }

    /**
     * Whether the visitor may reveal the account's secret keys and change it (the templates ask, to show the buttons;
     * public for their expression language).
     */
    public boolean mayAct(SandboxAccount account) {
        return accessTo(account) == Access.ACT;
    }

    /** The accounts the overview lists. */
    List<SandboxAccount> accounts(SandboxAccounts accounts) {
        if (open) {
            return accounts.listed();
        }
        return accounts.withKeysOrCreator(grants.keySet(), person).stream()
                .filter(account -> accessTo(account) != Access.NONE).toList();
    }

    /** The account if the visitor may see it; else 404, as if it did not exist. */
    SandboxAccount readable(Optional<SandboxAccount> account) {
        return account.filter(found -> accessTo(found) != Access.NONE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The account if the visitor may change it; 404 if they may not even see it, 403 if they may only read it. */
    SandboxAccount actable(Optional<SandboxAccount> account) {
        SandboxAccount found = readable(account);
        if (accessTo(found) != Access.ACT) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only the organization's owners and admins may change its sandbox account.");
        }
        return found;
    }
}
