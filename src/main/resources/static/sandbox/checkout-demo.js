// The checkout demo's page script: what a merchant writes around Stripe.js, here against the sandbox's Stripe.js.
(function () {
    'use strict';

    const form = document.getElementById('payment-form');
    if (!form) {
        return;
    }
    const settings = form.dataset;
    const button = document.getElementById('submit');
    const message = document.getElementById('payment-message');
    const result = document.getElementById('payment-result');
    const returnUrl = new URL(settings.returnUrl, window.location.href).href;

    const stripe = Stripe(settings.publishableKey);
    const elements = stripe.elements({clientSecret: settings.clientSecret, appearance: {theme: 'stripe',
        variables: {colorPrimary: '#5146e5'}}});
    const element = elements.create(settings.integration === 'card' ? 'card' : 'payment');
    element.on('ready', () => {
        button.disabled = false;
    });
    element.on('change', (event) => {
        // The Card Element reports its errors in the change event; the Payment Element shows them itself.
        if (settings.integration === 'card') {
            message.textContent = event.error ? event.error.message : '';
        }
    });
    element.mount('#payment-element');

    function busy(on) {
        button.disabled = on;
        button.classList.toggle('opacity-75', on);
    }

    function completePage(paymentIntent) {
        const address = new URL(returnUrl);
        address.searchParams.set('payment_intent', paymentIntent.id);
        address.searchParams.set('payment_intent_client_secret', settings.clientSecret);
        address.searchParams.set('redirect_status', paymentIntent.status === 'succeeded' ? 'succeeded' : 'failed');
        window.location.assign(address.href);
    }

    async function pay() {
        if (settings.integration === 'card') {
            return stripe.confirmCardPayment(settings.clientSecret, {payment_method: {card: element}});
        }
        return stripe.confirmPayment({elements: elements, confirmParams: {return_url: returnUrl},
            redirect: settings.redirect});
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        message.textContent = '';
        result.textContent = '';
        busy(true);
        const outcome = await pay();
        busy(false);
        if (outcome.error) {
            // Validation errors are shown next to the fields by the Payment Element; show the others here.
            if (outcome.error.type !== 'validation_error' || settings.integration === 'card') {
                message.textContent = outcome.error.message;
            }
            return;
        }
        if (settings.integration === 'card') {
            completePage(outcome.paymentIntent);
        } else {
            // "Payment" in the page's language (data-payment-label); the status and id stay Stripe's words.
            result.textContent = settings.paymentLabel + ' ' + outcome.paymentIntent.status + ': '
                + outcome.paymentIntent.id;
        }
    });
})();
