package dev.paydeck.sandbox.api;

import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Runs an endpoint, its expansions and its rendering in one transaction, so what it wrote commits only with an
 * answer. Of the failures, only card errors (402) commit: on Stripe too they leave state behind (the failed charge,
 * {@code last_payment_error}). With an idempotency key the answer is kept in the same transaction; a request that
 * failed otherwise frees its key, so that a retry runs again.
 */
final class ApiTransaction {

    private final TransactionTemplate transactions;
    private final Expander expander;
    private final Idempotency idempotency;
    private final StripeJson stripeJson;

    ApiTransaction(TransactionTemplate transactions, Expander expander, Idempotency idempotency,
            StripeJson stripeJson) {
        this.transactions = transactions;
        this.expander = expander;
        this.idempotency = idempotency;
        this.stripeJson = stripeJson;
    }

    Reply run(StripeRoutes.Handler handler, StripeCall call, List<String> expand) {
        String idempotencyKey = call.idempotencyKey();
        Reply reply = transactions.execute(status -> {
            Reply result;
            try {
                Object answer = handler.handle(call);
                JsonNode body = stripeJson.tree(answer);
                expander.expand(call.accountId(), body, withTotalCount(answer, body, expand));
                result = stripeJson.ok(body);
            } catch (StripeError error) {
                if (error.status() != 402) {
                    status.setRollbackOnly();
                    return stripeJson.error(error);
                }
                result = stripeJson.error(error);
            }
            if (idempotencyKey != null) {
                idempotency.save(call.accountId(), idempotencyKey, result.status(), result.body());
            }
            return result;
        });
        if (idempotencyKey != null && reply.status() != 200 && reply.status() != 402) {
            idempotency.release(call.accountId(), idempotencyKey);
        }
        return reply;
    }

    /**
     * A search's {@code total_count}, which is not a field to expand but one Stripe adds only when it is named in
     * {@code expand}: added here, and the other paths left to the expander.
     */
    private static List<String> withTotalCount(Object answer, JsonNode body, List<String> expand) {
        if (!(answer instanceof SearchResult search) || !expand.contains(SearchResult.TOTAL_COUNT)) {
            return expand;
        }
        ((ObjectNode) body).put(SearchResult.TOTAL_COUNT, search.totalCount().getAsLong());
        return expand.stream().filter(path -> !path.equals(SearchResult.TOTAL_COUNT)).toList();
    }
}
