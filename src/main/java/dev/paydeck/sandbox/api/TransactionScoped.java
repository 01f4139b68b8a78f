package dev.paydeck.sandbox.api;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A value that belongs to the current transaction: made on first use, handed to {@code beforeCommit} just before the
 * transaction commits (its last chance to write), and forgotten when the transaction ends. Outside a transaction
 * there is none.
 */
public final class TransactionScoped<T> {

    private final Supplier<T> create;
    private final Consumer<T> beforeCommit;

    public TransactionScoped(Supplier<T> create, Consumer<T> beforeCommit) {
        this.create = create;
        this.beforeCommit = beforeCommit;
    }

    public TransactionScoped(Supplier<T> create) {
        this(create, value -> {
        });
    }

    /** This transaction's value, made now if it has none yet; null outside a transaction. */
    public T get() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        T value = existing();
        if (value == null) {
            T made = create.get();
            TransactionSynchronizationManager.bindResource(this, made);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    beforeCommit.accept(made);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionScoped.this);
                }
            });
            value = made;
        }
        return value;
    }

    /** This transaction's value if it has made one; null otherwise (and outside a transaction). */
    @SuppressWarnings("unchecked")
    public T existing() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (T) TransactionSynchronizationManager.getResource(this) : null;
    }
}
