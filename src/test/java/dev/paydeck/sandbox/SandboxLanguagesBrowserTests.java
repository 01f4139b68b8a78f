package dev.paydeck.sandbox;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PriceCreateParams;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The sandbox's pages, the 3-D Secure page a payer sees and the error page speak the browser's language
 * ({@code Accept-Language}); Stripe's own words (PaymentIntent, statuses, field names) stay as Stripe writes them.
 */
class SandboxLanguagesBrowserTests extends BrowserTest {

    private final List<BrowserContext> windows = new ArrayList<>();

    @AfterEach
    void closeWindows() {
        windows.forEach(BrowserContext::close);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            es-ES | El sandbox compatible con Stripe | Crear cuenta | Solicitudes recientes a la API | Restablecer los datos de la cuenta | Se borraron todos los datos de «{0}». Sus claves de API siguen funcionando. | Añadir endpoint | cada 3 meses | Pagos rechazados | Rechazada: card_declined / generic_decline
            fr-FR | La sandbox compatible avec Stripe | Créer le compte | Requêtes API récentes | Réinitialiser les données du compte | Toutes les données de « {0} » ont été supprimées. Ses clés API fonctionnent toujours. | Ajouter l’endpoint | tous les 3 mois | Paiements refusés | Refusée : card_declined / generic_decline
            """)
    void theSandboxPagesSpeakTheBrowsersLanguage(String language, String heading, String create, String requests,
            String reset, String resetNotice, String addEndpoint, String quarterly, String declined,
            String declinedOutcome) throws Exception {
        Person owner = signUp("Polyglot");
        String shop = "Tienda " + UUID.randomUUID();
        String publishableKey = createOrganization(owner, shop, null).get("stripe").get("publishable_key").asString();

        Page tab = signedIn(language, owner);
        tab.navigate("/sandbox");
        assertThat(tab.locator("h1")).hasText(heading);
        assertThat(tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(create))).isVisible();

        tab.navigate("/sandbox/accounts?publishable_key=" + publishableKey);
        assertThat(tab.locator("h1")).hasText(shop);
        assertThat(tab.locator("h2").filter(new Locator.FilterOptions()
                .setHasText(requests))).isVisible();
        assertThat(tab.locator("html")).hasAttribute("lang", language.substring(0, 2));
        tab.locator("#confirm-reset").check();
        tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(reset)).click();
        assertThat(tab.locator(".alert-success")).hasText(resetNotice.replace("{0}", shop));

        StripeClient stripe = StripeClient.builder().setApiKey(tab.getByTestId("secret-key").textContent().strip())
                .setApiBase(url("/sandbox")).build();
        stripe.v1().prices().create(PriceCreateParams.builder().setCurrency("eur").setUnitAmount(3000L)
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).setIntervalCount(3L).build())
                .setProductData(PriceCreateParams.ProductData.builder().setName("Quarterly").build()).build());

        tab.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks").setExact(true)).click();
        assertThat(tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(addEndpoint))).isVisible();

        tab.navigate("/sandbox/accounts?publishable_key=" + publishableKey);
        tab.navigate(tab.url() + "/products");
        assertThat(tab.getByTestId("prices")).containsText(quarterly);

        tab.navigate("/sandbox/test-cards");
        assertThat(tab.locator("h2").filter(new Locator.FilterOptions()
                .setHasText(declined))).isVisible();
        assertThat(tab.locator("tr").filter(new Locator.FilterOptions().setHasText("pm_card_visa_chargeDeclined "))
                .first()).containsText(declinedOutcome);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            es-ES | Autenticación 3D Secure | Pago | Hacer fallar la autenticación | Completar la autenticación | No queda nada que autenticar: su estado es succeeded.
            fr-FR | Authentification 3D Secure | Paiement | Faire échouer l’authentification | Valider l’authentification | Plus rien à authentifier : son statut est succeeded.
            """)
    void thePayerSeesTheThreeDSecurePageInTheirLanguage(String language, String heading, String payment, String fail,
            String complete, String done) throws Exception {
        var account = json(send(request("/sandbox/accounts?name=languages").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())));
        StripeClient stripe = StripeClient.builder().setApiKey(account.get("secret_key").asString())
                .setApiBase(url("/sandbox")).build();
        PaymentIntent intent = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(4200L).setCurrency("usd").addPaymentMethodType("card")
                .setPaymentMethod("pm_card_threeDSecure2Required").setConfirm(true)
                .setReturnUrl(url("/sandbox/test-cards?from=3ds")).build());

        Page tab = window(language);
        String challenge = intent.getNextAction().getRedirectToUrl().getUrl();
        tab.navigate(challenge);
        assertThat(tab.locator("h1")).hasText(heading);
        assertThat(tab.locator("dt").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^" + payment + "$")))).isVisible();
        assertThat(tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(fail))).isVisible();
        tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(complete)).click();
        tab.waitForURL(address -> address.contains("redirect_status=succeeded"));

        tab.navigate(challenge);
        assertThat(tab.getByTestId("status")).hasText(done);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            es-ES | Demo de pago | Nuevo pago | Pagar | Número de tarjeta | Código de seguridad | El número de tu tarjeta está incompleto. | El importe debe ser un número entero en la unidad mínima de la moneda
            fr-FR | Démo de paiement | Nouveau paiement | Payer | Numéro de carte | Code de sécurité | Le numéro de votre carte est incomplet. | Le montant doit être un nombre entier dans la plus petite unité de la devise
            """)
    void thePayerSeesTheCheckoutDemoInTheirLanguage(String language, String heading, String newPayment, String pay,
            String cardNumber, String securityCode, String incomplete, String badAmount) {
        Page tab = window(language);
        tab.navigate("/sandbox/checkout-demo");
        assertThat(tab.locator("h1")).hasText(heading);
        assertThat(tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(newPayment))).isVisible();
        assertThat(tab.locator("#submit")).containsText(pay + " ");
        // The sandbox's Payment Element speaks the browser's language, as Stripe.js does with locale 'auto'.
        tab.getByLabel(cardNumber).fill("4242 4242");
        tab.getByLabel(securityCode).focus();
        assertThat(tab.locator("#payment-element [data-field=number] .sbx-error")).hasText(incomplete);

        tab.navigate("/sandbox/checkout-demo?amount=twenty");
        assertThat(tab.locator("#demo-problem")).containsText(badAmount);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            es-ES | Página no encontrada | No hay nada en esta dirección. | Volver a la página de inicio
            fr-FR | Page introuvable | Il n’y a rien à cette adresse. | Retour à l’accueil
            """)
    void theErrorPageSpeaksTheBrowsersLanguage(String language, String reason, String message, String home) {
        Page tab = signedIn(language, signUp("Lost"));
        for (String address : new String[] {"/app/organizations/" + UUID.randomUUID(),
                "/no-such-page-" + UUID.randomUUID()}) {
            org.assertj.core.api.Assertions.assertThat(tab.navigate(address).status()).as(address).isEqualTo(404);
            assertThat(tab.locator("h1")).hasText(reason);
            assertThat(tab.locator("main")).containsText(message);
            assertThat(tab.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(home))).isVisible();
            assertThat(tab).hasTitle(Pattern.compile(reason));
        }
    }

    /** A new browser window whose {@code Accept-Language} is this language; closed after the test. */
    private Page window(String language) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions().setBaseURL(url(""))
                .setLocale(language));
        context.setDefaultTimeout(15_000);
        windows.add(context);
        return context.newPage();
    }

    /** A new browser window in this language, with the person signed in. */
    private Page signedIn(String language, Person person) {
        Page tab = window(language);
        tab.navigate("/login");
        tab.locator("#username").fill(person.email());
        tab.locator("#password").fill(PASSWORD);
        tab.locator("main").getByRole(AriaRole.BUTTON).click();
        assertThat(tab).not().hasURL(Pattern.compile(".*/login.*"));
        return tab;
    }
}
