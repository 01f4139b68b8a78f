package dev.paydeck.sandbox.api;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Sandbox accounts and their keys. */
@Service
public class SandboxAccounts {

    private static final long KEY_CACHE_NANOS = 1_000_000_000L;

    private record KnownKey(SandboxAccount account, long readAt) {
    }

    private final SandboxAccountRecords records;
    private final ConcurrentMap<String, KnownKey> knownKeys = new ConcurrentHashMap<>();

    SandboxAccounts(SandboxAccountRecords records) {
        this.records = records;
    }

    public SandboxAccount create(String name) {
        return create(name, true);
    }

    /** A new account in the United States, opened by nobody signed in; an unlisted one stays off the pages. */
    public SandboxAccount create(String name, boolean listed) {
        return create(name, listed, SandboxAccount.DEFAULT_COUNTRY, null);
    }

    /**
     * A new account of that country (two letters, {@code GB}), settling in its country's currency, opened by a
     * signed-in person ({@code createdBy}, their name; null when nobody is signed in).
     */
    public SandboxAccount create(String name, boolean listed, String country, String createdBy) {
        String random = Ids.random(24);
        SandboxAccount account = new SandboxAccount("acct_" + Ids.random(16), name,
                "sk_test_" + random + Ids.random(75), "pk_test_" + random + Ids.random(75), SandboxAccount.NO_FAULT,
                listed, country, SandboxAccount.currencyOf(country), null, createdBy);
        records.insert(account);
        return account;
    }

    /**
     * The account a key belongs to. Every API request asks, so answers are kept for a second: long enough to spare
     * the database under load, short enough that a fault switched on another instance takes effect at once.
     */
    public Optional<SandboxAccount> byKey(String key) {
        long now = System.nanoTime();
        KnownKey known = knownKeys.get(key);
        if (known != null && now - known.readAt() < KEY_CACHE_NANOS) {
            return Optional.of(known.account());
        }
        Optional<SandboxAccount> account = records.byKey(key);
        if (account.isPresent()) {
            if (knownKeys.size() > 10_000) {
                knownKeys.clear();
            }
            knownKeys.put(key, new KnownKey(account.get(), now));
        }
        return account;
    }

    public Optional<SandboxAccount> byId(String id) {
        return records.byId(id);
    }

    /** When the account was opened, in Unix seconds. */
    public long created(String accountId) {
        return records.created(accountId).orElse(0L);
    }

    /** The accounts the sandbox pages show (the unlisted ones are left out). */
    public List<SandboxAccount> listed() {
        return records.listed();
    }

    /**
     * The accounts with one of these publishable keys, or opened by this person (null: nobody), oldest first, listed
     * or not: what a signed-in person sees on the pages of the full product.
     */
    public List<SandboxAccount> withKeysOrCreator(Collection<String> publishableKeys, String creator) {
        return records.withKeysOrCreator(publishableKeys, creator);
    }

    /** Makes the account simulate a Stripe failure ({@code unavailable}, {@code lose_response}) or stop ({@code none}). */
    public void setFault(String accountId, String fault) {
        records.updateFault(accountId, fault);
        knownKeys.values().removeIf(known -> known.account().id().equals(accountId));
    }

    /** The account made at first start, so the sandbox can be used at once. */
    public SandboxAccount defaultAccount() {
        return listed().stream().findFirst().orElseGet(() -> create("Default sandbox account"));
    }

    /**
     * Deletes every object (webhook endpoints included), event, webhook delivery and attempt, idempotency key and
     * logged request of an account, in one transaction; the account and its API keys stay.
     */
    @Transactional
    public void reset(String accountId) {
        records.deleteData(accountId);
    }
}
