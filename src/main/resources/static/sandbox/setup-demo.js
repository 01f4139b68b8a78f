// The setup demo's page script: what a merchant writes around Stripe.js to save a card, here against the sandbox's.
(function () {
    'use strict';

    const form = document.getElementById('setup-form');
    if (!form) {
        return;
    }
    const settings = form.dataset;
    const button = document.getElementById('submit');
    const message = document.getElementById('setup-message');
    const returnUrl = new URL(settings.returnUrl, window.location.href).href;

    const stripe = Stripe(settings.publishableKey);
    const elements = stripe.elements({clientSecret: settings.clientSecret, appearance: {theme: 'stripe'}});
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

    function completePage(setupIntent) {
        const address = new URL(returnUrl);
        address.searchParams.set('setup_intent', setupIntent.id);
        address.searchParams.set('setup_intent_client_secret', settings.clientSecret);
        address.searchParams.set('redirect_status', setupIntent.status === 'succeeded' ? 'succeeded' : 'failed');
        window.location.assign(address.href);
    }

    async function save() {
        if (settings.integration === 'card') {
            return stripe.confirmCardSetup(settings.clientSecret, {payment_method: {card: element}});
        }
        return stripe.confirmSetup({elements: elements, confirmParams: {return_url: returnUrl}});
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        message.textContent = '';
        button.disabled = true;
        const outcome = await save();
        button.disabled = false;
        if (outcome.error) {
            // Validation errors are shown next to the fields by the Payment Element; show the others here.
            if (outcome.error.type !== 'validation_error' || settings.integration === 'card') {
                message.textContent = outcome.error.message;
            }
            return;
        }
        completePage(outcome.setupIntent);
    });
})();
