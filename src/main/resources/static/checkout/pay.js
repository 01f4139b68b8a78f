// The hosted payment page: pays one PaymentIntent with the Payment Element of the organization's Stripe.js. Stripe
// sends the customer to the return URL when the payment is done (after a 3-D Secure challenge too); a declined card
// shows Stripe's message here, and the customer tries again on the same PaymentIntent. With data-intent="setup" (the
// customer portal's "add a card"), it confirms a SetupIntent instead: the card is saved, nothing is charged.
(function () {
    'use strict';

    const form = document.getElementById('payment-form');
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

    function busy(on) {
        button.disabled = on;
        button.textContent = on ? settings.busyLabel : label;
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (button.disabled) {
            return;
        }
        message.textContent = '';
        busy(true);
        const confirm = settings.intent === 'setup' ? stripe.confirmSetup : stripe.confirmPayment;
        const outcome = await confirm.call(stripe, {elements: elements,
            confirmParams: {return_url: settings.returnUrl}});
        // Only an error comes back: on success Stripe.js has gone to the return URL.
        busy(false);
        if (outcome.error && outcome.error.type !== 'validation_error') {
            message.textContent = outcome.error.message;
        }
    });
})();
