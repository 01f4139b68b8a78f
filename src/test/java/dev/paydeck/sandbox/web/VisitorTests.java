package dev.paydeck.sandbox.web;

import dev.paydeck.sandbox.api.SandboxAccount;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who sees and changes which sandbox account on the pages. */
class VisitorTests {

    private static final SandboxAccount ORGANIZATIONS = account("acct_org", "pk_test_org", false, null);
    private static final SandboxAccount ADAS = account("acct_ada", "pk_test_ada", true, "ada@example.com");
    private static final SandboxAccount PROGRAMS = account("acct_program", "pk_test_program", true, null);

    @Test
    void inSandboxOnlyModeEveryListedAccountIsOpenToAnyone() {
        Visitor anyone = new Visitor(true, null, Map.of());

        assertThat(anyone.accessTo(PROGRAMS)).isEqualTo(Visitor.Access.ACT);
        assertThat(anyone.accessTo(ADAS)).isEqualTo(Visitor.Access.ACT);
        assertThat(anyone.accessTo(ORGANIZATIONS)).isEqualTo(Visitor.Access.NONE);
    }

    @Test
    void aPersonActsOnTheAccountsTheyOpenedAndOnThoseGrantedToThem() {
        Visitor ada = new Visitor(false, "ada@example.com", Map.of("pk_test_org", Visitor.ACT));

        assertThat(ada.accessTo(ADAS)).isEqualTo(Visitor.Access.ACT);
        assertThat(ada.accessTo(ORGANIZATIONS)).isEqualTo(Visitor.Access.ACT);
        assertThat(ada.accessTo(PROGRAMS)).isEqualTo(Visitor.Access.NONE);
    }

    @Test
    void aViewerReadsAndIsRefusedWritesWhileOtherAccountsDoNotExistForThem() {
        Visitor viewer = new Visitor(false, "grace@example.com", Map.of("pk_test_org", Visitor.READ));

        assertThat(viewer.readable(Optional.of(ORGANIZATIONS))).isEqualTo(ORGANIZATIONS);
        assertThat(viewer.mayAct(ORGANIZATIONS)).isFalse();
        assertThatThrownBy(() -> viewer.actable(Optional.of(ORGANIZATIONS)))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThatThrownBy(() -> viewer.readable(Optional.of(ADAS)))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> viewer.actable(Optional.of(PROGRAMS)))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void nobodySignedInOwnsTheAccountsNobodyOpenedAndUnknownGrantsGiveNothing() {
        Visitor anonymous = new Visitor(false, null, Map.of());
        Visitor odd = new Visitor(false, "eve@example.com", Map.of("pk_test_program", "owner"));

        assertThat(anonymous.accessTo(PROGRAMS)).isEqualTo(Visitor.Access.NONE);
        assertThat(odd.accessTo(PROGRAMS)).isEqualTo(Visitor.Access.NONE);
    }

    private static SandboxAccount account(String id, String publishableKey, boolean listed, String createdBy) {
        return new SandboxAccount(id, id, "sk_test_" + id, publishableKey, SandboxAccount.NO_FAULT, listed,
                createdBy);
    }
}
