// The customer portal's "add a card": confirms a SetupIntent with the Payment Element of the organization's
// Stripe.js. Stripe sends the customer to the return URL once the card is saved (after a 3-D Secure challenge too);
// a refused card shows Stripe's message here.
(function () {
    'use strict';

    const form = document.getElementById('setup-form');
    if (!form || typeof Stripe === 'undefined') {
        return;
    }
    const settings = form.dataset;
    const button = document.getElementById('submit');
    const label = button.textContent;
    const message = document.getElementById('payment-message');

    const stripe = Stripe(settings.publishableKey);
    const elements = stripe.elements({clientSecret: settings.clientSecret,
        appearance: {theme: 'stripe', variables: {colorPrimary: '#4338ca'}}});
    const element = elements.create('payment');
    element.on('ready', () => {
        button.disabled = false;
    });
    element.mount('#payment-element');

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (button.disabled) {
            return;
        }
        message.textContent = '';
        button.disabled = true;
        button.textContent = settings.busyLabel;
        const outcome = await stripe.confirmSetup({elements: elements,
            confirmParams: {return_url: settings.returnUrl}});
        button.disabled = false;
        button.textContent = label;
        if (outcome.error && outcome.error.type !== 'validation_error') {
            message.textContent = outcome.error.message;
        }
    });
})();
