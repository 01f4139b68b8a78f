package dev.paydeck.sandbox.web;

import dev.paydeck.sandbox.api.ApiPort;
import dev.paydeck.sandbox.api.RequestLog;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.webhooks.WebhookDeliveries;
import dev.paydeck.sandbox.webhooks.WebhookEndpoints;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's own pages: accounts and their keys, and per account the API requests it answered, its events,
 * its webhook endpoints with their delivery attempts (and a "Send test event" button), and a reset. Off (404)
 * when the sandbox is switched off. Who sees which account, and who may reveal its secret keys and change it, is the
 * {@link Visitor}'s business: anyone in sandbox-only mode; in the full product, the people of the organization using
 * it and the person who opened it. The code snippets name the address the page was served from.
 */
@Controller
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** An event as the events page lists it. */
    record EventRow(String id, String type, String created, long pendingWebhooks, String requestId) {
    }

    /** A webhook endpoint with what the page shows about it. */
    record EndpointView(ObjectNode endpoint, String secret, List<AttemptRow> attempts,
                        List<WebhookDeliveries.Delivery> waiting) {
    }

    /** One attempt, formatted. */
    record AttemptRow(String eventId, String eventType, int attempt, Integer statusCode, String error,
                      long durationMs, String at, String deliveryStatus, String nextRetry) {
    }

    private final SandboxAccounts accounts;
    private final RequestLog requestLog;
    private final WebhookEndpoints endpoints;
    private final SandboxEvents events;
    private final JsonMapper json;
    private final String rootApiBase;
    private final int apiPort;

    SandboxPageController(SandboxAccounts accounts, RequestLog requestLog, WebhookEndpoints endpoints,
            SandboxEvents events, JsonMapper json, @Value("${paydeck.sandbox.port:12111}") int apiPort,
            @Value("${paydeck.sandbox.address:127.0.0.1}") String apiAddress) {
        this.rootApiBase = ApiPort.url(apiPort, apiAddress);
        this.apiPort = apiPort;
        this.accounts = accounts;
        this.requestLog = requestLog;
        this.endpoints = endpoints;
        this.events = events;
        this.json = json;
    }

    @GetMapping("/sandbox")
    String overview(Visitor visitor, Model model) {
        model.addAttribute("visitor", visitor);
        model.addAttribute("accounts", visitor.accounts(accounts));
        String apiBase = ServletUriComponentsBuilder.fromCurrentContextPath().path("/sandbox").toUriString();
        model.addAttribute("apiBase", apiBase);
        model.addAttribute("stripeJs", apiBase + "/js/v3");
        if (rootApiBase != null) {
            model.addAttribute("rootApiBase", rootApiBase);
            model.addAttribute("rootApiHost", URI.create(rootApiBase).getHost());
            model.addAttribute("rootApiPort", apiPort);
        }
        return "sandbox/overview";
    }

    /** The page of the account with this publishable key (the link from an organization's page). */
    @GetMapping(value = "/sandbox/accounts", params = "publishable_key")
    String accountOfKey(@RequestParam("publishable_key") String publishableKey, Visitor visitor) {
        Optional<SandboxAccount> account = publishableKey.startsWith("pk_") ? accounts.byKey(publishableKey)
                : Optional.empty();
        return "redirect:/sandbox/accounts/" + visitor.readable(account).id();
    }

    @PostMapping("/sandbox/accounts/new")
    String createAccount(@RequestParam(name = "name", required = false) String name, Visitor visitor,
            RedirectAttributes redirect) {
        String accountName = name == null || name.isBlank() ? "Sandbox account" : name.strip();
        SandboxAccount account = accounts.create(accountName.length() > 100 ? accountName.substring(0, 100)
                : accountName, true, SandboxAccount.DEFAULT_COUNTRY, visitor.person());
        notice(redirect, "sandbox.notice.accountCreated", account.name());
        return "redirect:/sandbox/accounts/" + account.id();
    }

    @GetMapping("/sandbox/accounts/{accountId}")
    String account(@PathVariable String accountId, Visitor visitor, Model model) {
        model.addAttribute("account", visitor.readable(accounts.byId(accountId)));
        model.addAttribute("visitor", visitor);
        model.addAttribute("requests", requestLog.recent(accountId, 50));
        model.addAttribute("active", "requests");
        return "sandbox/account";
    }

    @GetMapping("/sandbox/accounts/{accountId}/events")
    String events(@PathVariable String accountId, Visitor visitor, Model model) {
        model.addAttribute("account", visitor.readable(accounts.byId(accountId)));
        model.addAttribute("visitor", visitor);
        List<EventRow> rows = events.recent(accountId, 100).stream()
                .map(event -> new EventRow(event.get("id").asString(), event.get("type").asString(),
                        TIME.format(Instant.ofEpochSecond(event.get("created").asLong())),
                        event.path("pending_webhooks").asLong(), event.path("request").path("id").asString(null)))
                .toList();
        model.addAttribute("events", rows);
        model.addAttribute("active", "events");
        return "sandbox/events";
    }

    @GetMapping(value = "/sandbox/accounts/{accountId}/events/{eventId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> event(@PathVariable String accountId, @PathVariable String eventId, Visitor visitor) {
        visitor.readable(accounts.byId(accountId));
        ObjectNode event = events.find(accountId, eventId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(json.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(event));
    }

    @GetMapping("/sandbox/accounts/{accountId}/webhooks")
    String webhooks(@PathVariable String accountId, Visitor visitor, Model model) {
        SandboxAccount account = visitor.readable(accounts.byId(accountId));
        model.addAttribute("account", account);
        model.addAttribute("visitor", visitor);
        model.addAttribute("endpoints", endpointViews(accountId, visitor.mayAct(account)));
        model.addAttribute("active", "webhooks");
        return "sandbox/webhooks";
    }

    /** One endpoint's delivery attempts, which the webhooks page refreshes every few seconds (htmx). */
    @GetMapping("/sandbox/accounts/{accountId}/webhooks/{endpointId}/attempts")
    String webhookAttempts(@PathVariable String accountId, @PathVariable String endpointId, Visitor visitor,
            Model model) {
        model.addAttribute("account", visitor.readable(accounts.byId(accountId)));
        model.addAttribute("view", endpointViews(accountId, false).stream()
                .filter(view -> view.endpoint().get("id").asString().equals(endpointId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "sandbox/webhooks :: attempts";
    }

    @PostMapping("/sandbox/accounts/{accountId}/webhook_endpoints")
    String createEndpoint(@PathVariable String accountId, @RequestParam String url,
            @RequestParam(name = "enabled_events", required = false) String enabledEvents,
            @RequestParam(required = false) String description, Visitor visitor, RedirectAttributes redirect) {
        visitor.actable(accounts.byId(accountId));
        List<String> events = enabledEvents == null ? List.of() : List.of(enabledEvents.split("[,\\s]+")).stream()
                .filter(type -> !type.isBlank()).toList();
        try {
            String id = endpoints.createFromPage(accountId, url, events, description);
            notice(redirect, "sandbox.notice.endpointAdded", id);
        } catch (StripeError error) {
            redirect.addFlashAttribute("problem", error.getMessage());
        }
        return "redirect:/sandbox/accounts/" + accountId + "/webhooks";
    }

    @PostMapping("/sandbox/webhook_endpoints/{endpointId}/test")
    String sendTestEvent(@PathVariable String endpointId, Visitor visitor, RedirectAttributes redirect) {
        String accountId = visitor.actable(endpoints.accountOf(endpointId).flatMap(accounts::byId)).id();
        String eventId = endpoints.sendTestEvent(accountId, endpointId);
        notice(redirect, "sandbox.notice.testEventSent", eventId, endpointId);
        return "redirect:/sandbox/accounts/" + accountId + "/webhooks";
    }

    @PostMapping("/sandbox/accounts/{accountId}/reset")
    String reset(@PathVariable String accountId, @RequestParam(required = false) String confirm, Visitor visitor,
            RedirectAttributes redirect) {
        SandboxAccount account = visitor.actable(accounts.byId(accountId));
        if (!"yes".equals(confirm)) {
            redirect.addFlashAttribute("problemKey", "sandbox.problem.resetNotConfirmed");
            return "redirect:/sandbox/accounts/" + accountId;
        }
        accounts.reset(account.id());
        notice(redirect, "sandbox.notice.accountReset", account.name());
        return "redirect:/sandbox/accounts/" + accountId;
    }

    @GetMapping("/sandbox/test-cards")
    String testCards(Model model) {
        Map<String, List<TestCardReference.Card>> groups = new LinkedHashMap<>();
        // Keys of the groups' headings: sandbox.testCards.group.<key> in the message bundles.
        groups.put("succeeding", TestCardReference.SUCCEEDING);
        groups.put("declining", TestCardReference.DECLINING);
        groups.put("authenticating", TestCardReference.AUTHENTICATING);
        groups.put("disputing", TestCardReference.DISPUTING);
        groups.put("fraudAndRefunds", TestCardReference.FRAUD_AND_REFUNDS);
        model.addAttribute("groups", groups);
        return "sandbox/test-cards";
    }

    /** A message shown after the redirect, in the visitor's language: its key and arguments. */
    private static void notice(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("notice", key);
        redirect.addFlashAttribute("noticeArguments", arguments);
    }

    /** The endpoints with their attempts; their signing secrets only for a visitor who may act on the account. */
    private List<EndpointView> endpointViews(String accountId, boolean withSecrets) {
        return endpoints.all(accountId).stream().map(endpoint -> {
            String id = endpoint.get("id").asString();
            List<AttemptRow> attempts = endpoints.recentAttempts(accountId, id, 20).stream()
                    .map(attempt -> new AttemptRow(attempt.eventId(), attempt.eventType(), attempt.attempt(),
                            attempt.statusCode(), attempt.error(), attempt.durationMs(), at(attempt.createdAt()),
                            attempt.deliveryStatus(), attempt.nextAttemptAt() == null ? null
                                    : at(attempt.nextAttemptAt())))
                    .toList();
            return new EndpointView(endpoint, withSecrets ? endpoints.secret(accountId, id).orElse("") : "", attempts,
                    endpoints.waiting(accountId, id));
        }).toList();
    }

    private static String at(OffsetDateTime time) {
        return TIME.format(time);
    }
}
