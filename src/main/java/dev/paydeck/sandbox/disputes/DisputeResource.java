package dev.paydeck.sandbox.disputes;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * {@code /v1/disputes}: list (by {@code charge} or {@code payment_intent}), retrieve, update (evidence, submitted
 * at once unless {@code submit=false}, and metadata) and close (accept the dispute). As in Stripe's test mode,
 * submitted evidence whose {@code uncategorized_text} is {@code winning_evidence} wins the dispute,
 * {@code losing_evidence} loses it (an inquiry closes without escalating) and {@code escalate_inquiry_evidence} turns
 * an inquiry into a chargeback, at once. A compliance dispute takes evidence only once its network fee is
 * acknowledged ({@code evidence[enhanced_evidence][visa_compliance][fee_acknowledged]}).
 */
@Component
class DisputeResource implements StripeResource {

    /** The evidence texts that decide a test-mode dispute. */
    static final String WINNING_EVIDENCE = "winning_evidence";
    static final String LOSING_EVIDENCE = "losing_evidence";
    static final String ESCALATE_INQUIRY_EVIDENCE = "escalate_inquiry_evidence";

    /** The fee acknowledgement a compliance dispute needs before its evidence is submitted. */
    private static final ParamSpec FEE_ACKNOWLEDGEMENT = ParamSpec.of().bool("fee_acknowledged");
    private static final ParamSpec ENHANCED_EVIDENCE = ParamSpec.of()
            .object("visa_compliance", FEE_ACKNOWLEDGEMENT)
            .object("mastercard_compliance", FEE_ACKNOWLEDGEMENT);

    private static final ParamSpec EVIDENCE = ParamSpec.of()
            .string(DisputeJson.EVIDENCE_FIELDS.toArray(String[]::new))
            .object("enhanced_evidence", ENHANCED_EVIDENCE);
    private static final ParamSpec UPDATE = ParamSpec.of().object("evidence", EVIDENCE).bool("submit").metadata();
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().string("charge", "payment_intent"));

    private final ObjectStore store;
    private final Disputes disputes;

    DisputeResource(ObjectStore store, Disputes disputes) {
        this.store = store;
        this.disputes = disputes;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.get("/v1/disputes", LIST, this::list);
        routes.get("/v1/disputes/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/disputes/{id}", UPDATE, this::update);
        routes.post("/v1/disputes/{id}/close", ParamSpec.of(), this::close);
    }

    private StripeList list(StripeCall call) {
        return store.list(call.accountId(), "dispute", ListQuery.from(call)
                .where("charge", call.string("charge"))
                .where("payment_intent", call.string("payment_intent")), "/v1/disputes");
    }

    private ObjectNode retrieve(StripeCall call) {
        return disputes.require(call, call.path("id"));
    }

    private ObjectNode update(StripeCall call) {
        ObjectNode dispute = disputes.require(call, call.path("id"));
        ObjectNode before = dispute.deepCopy();
        Map<String, Object> evidence = call.map("evidence");
        boolean submit = call.has("submit") ? call.isTrue("submit") : evidence != null;
        if (evidence != null) {
            DisputeTransitions.next(DisputeJson.status(dispute), submit ? DisputeTransitions.Action.SUBMIT
                    : DisputeTransitions.Action.STAGE);
            DisputeJson.applyEvidence(dispute, evidence);
        }
        if (submit) {
            DisputeJson.requireFeeAcknowledged(dispute);
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(dispute, call.map("metadata"));
        }
        if (!submit) {
            return disputes.updated(call, before, dispute);
        }
        DisputeJson.countSubmission(dispute);
        disputes.move(call, before, dispute, DisputeTransitions.Action.SUBMIT);
        String text = dispute.get("evidence").path("uncategorized_text").asString(null);
        if (WINNING_EVIDENCE.equals(text)) {
            return disputes.move(call, dispute, DisputeTransitions.Action.WIN);
        }
        if (LOSING_EVIDENCE.equals(text)) {
            return disputes.move(call, dispute, DisputeTransitions.Action.LOSE);
        }
        if (ESCALATE_INQUIRY_EVIDENCE.equals(text)
                && DisputeTransitions.allowed(DisputeJson.status(dispute), DisputeTransitions.Action.ESCALATE)) {
            return disputes.move(call, dispute, DisputeTransitions.Action.ESCALATE);
        }
        return dispute;
    }

    private ObjectNode close(StripeCall call) {
        ObjectNode dispute = disputes.require(call, call.path("id"));
        return disputes.move(call, dispute, DisputeTransitions.Action.ACCEPT);
    }
}
