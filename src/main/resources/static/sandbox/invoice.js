// The hosted invoice page's script: the sandbox's Payment Element confirms the invoice's PaymentIntent with the
// invoice's confirmation_secret, as Stripe's hosted invoice page does. Stripe.js then returns the payer here (after a
// 3-D Secure challenge too), and the page shows the invoice as it now is.
(function () {
    'use strict';

    const form = document.getElementById('invoice-payment-form');
    if (!form) {
        return;
    }
    const settings = form.dataset;
    const button = document.getElementById('submit');
    const message = document.getElementById('payment-message');
    const returnUrl = new URL(settings.returnUrl, window.location.href).href;
    // Declines in the page's language, by Stripe's decline_code or code; Stripe's own message otherwise.
    const declines = {};
    document.querySelectorAll('#decline-messages [data-code]').forEach((item) => {
        declines[item.dataset.code] = item.textContent;
    });

    const stripe = Stripe(settings.publishableKey, {locale: settings.locale || 'auto'});
    const elements = stripe.elements({clientSecret: settings.clientSecret});
    const element = elements.create('payment');
    element.on('ready', () => {
        button.disabled = false;
    });
    element.mount('#payment-element');

    function readable(error) {
        return declines[error.decline_code] || declines[error.code] || error.message;
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        message.textContent = '';
        button.disabled = true;
        const outcome = await stripe.confirmPayment({elements: elements, confirmParams: {return_url: returnUrl}});
        button.disabled = false;
        // Validation errors are shown next to the fields by the Payment Element; declines and others here.
        if (outcome.error && outcome.error.type !== 'validation_error') {
            message.textContent = readable(outcome.error);
        }
    });
})();
