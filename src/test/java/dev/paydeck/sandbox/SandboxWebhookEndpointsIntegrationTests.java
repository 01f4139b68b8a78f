package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.WebhookEndpoint;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointListParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxWebhookEndpointsIntegrationTests extends SandboxTest {

    @Test
    void createsAnEndpointWhoseSecretIsShownOnlyOnce() throws Exception {
        WebhookEndpoint created = stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .setUrl("https://example.com/hooks")
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED)
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.PAYMENT_INTENT__SUCCEEDED)
                .setDescription("Orders").putMetadata("team", "shop").build());

        assertThat(created.getId()).startsWith("we_");
        assertThat(created.getObject()).isEqualTo("webhook_endpoint");
        assertThat(created.getSecret()).startsWith("whsec_").hasSizeGreaterThan(30);
        assertThat(created.getStatus()).isEqualTo("enabled");
        assertThat(created.getEnabledEvents()).containsExactly("customer.created", "payment_intent.succeeded");
        assertThat(created.getDescription()).isEqualTo("Orders");
        assertThat(created.getMetadata()).containsEntry("team", "shop");
        assertThat(created.getLivemode()).isFalse();
        assertThat(created.getApiVersion()).isNull();

        WebhookEndpoint retrieved = stripe.v1().webhookEndpoints().retrieve(created.getId());
        assertThat(retrieved.getUrl()).isEqualTo("https://example.com/hooks");
        assertThat(retrieved.getSecret()).isNull();
        assertThat(stripe.v1().webhookEndpoints().list().getData()).extracting(WebhookEndpoint::getSecret)
                .containsOnlyNulls();
    }

    @Test
    void updatesDisablesListsAndDeletesEndpoints() throws Exception {
        WebhookEndpoint first = create("https://example.com/one");
        WebhookEndpoint second = create("http://localhost:9/two");

        WebhookEndpoint updated = stripe.v1().webhookEndpoints().update(first.getId(),
                WebhookEndpointUpdateParams.builder().setUrl("https://example.com/uno").setDisabled(true)
                        .addEnabledEvent(WebhookEndpointUpdateParams.EnabledEvent.CUSTOMER__UPDATED)
                        .setDescription("renamed").build());
        assertThat(updated.getUrl()).isEqualTo("https://example.com/uno");
        assertThat(updated.getStatus()).isEqualTo("disabled");
        assertThat(updated.getEnabledEvents()).containsExactly("customer.updated");
        assertThat(updated.getSecret()).isNull();
        assertThat(stripe.v1().webhookEndpoints().update(first.getId(),
                WebhookEndpointUpdateParams.builder().setDisabled(false).build()).getStatus()).isEqualTo("enabled");

        var page = stripe.v1().webhookEndpoints().list(WebhookEndpointListParams.builder().setLimit(1L).build());
        assertThat(page.getData()).extracting(WebhookEndpoint::getId).containsExactly(second.getId());
        assertThat(page.getHasMore()).isTrue();

        WebhookEndpoint deleted = stripe.v1().webhookEndpoints().delete(first.getId());
        assertThat(deleted.getDeleted()).isTrue();
        assertThatThrownBy(() -> stripe.v1().webhookEndpoints().retrieve(first.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getStatusCode()).isEqualTo(404));
        assertThat(stripe.v1().webhookEndpoints().list().getData()).extracting(WebhookEndpoint::getId)
                .containsExactly(second.getId());
    }

    @Test
    void rejectsWhatStripeRejects() {
        var missingEvents = sandboxCall("POST", "/v1/webhook_endpoints", "url=https://example.com/x", secretKey);
        assertThat(missingEvents.statusCode()).isEqualTo(400);
        assertThat(json(missingEvents).at("/error/code").asString()).isEqualTo("parameter_missing");
        assertThat(json(missingEvents).at("/error/param").asString()).isEqualTo("enabled_events");

        var unknownEvent = sandboxCall("POST", "/v1/webhook_endpoints",
                "url=https://example.com/x&enabled_events[0]=customer.created&enabled_events[1]=customer.exploded",
                secretKey);
        assertThat(unknownEvent.statusCode()).isEqualTo(400);
        assertThat(json(unknownEvent).at("/error/param").asString()).isEqualTo("enabled_events[1]");
        assertThat(json(unknownEvent).at("/error/message").asString())
                .startsWith("Invalid enabled_events[1]: must be one of account.")
                .contains("customer.created, ");

        var badUrl = sandboxCall("POST", "/v1/webhook_endpoints",
                "url=ftp://example.com/x&enabled_events[0]=*", secretKey);
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(json(badUrl).at("/error/param").asString()).isEqualTo("url");

        var missingUrl = sandboxCall("POST", "/v1/webhook_endpoints", "enabled_events[0]=*", secretKey);
        assertThat(json(missingUrl).at("/error/param").asString()).isEqualTo("url");

        var all = sandboxCall("POST", "/v1/webhook_endpoints", "url=https://example.com/x&enabled_events[0]=*",
                secretKey);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json(all).at("/enabled_events/0").asString()).isEqualTo("*");
    }

    private WebhookEndpoint create(String url) throws Exception {
        return stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder().setUrl(url)
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL).build());
    }
}
