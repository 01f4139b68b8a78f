/*
 * Paydeck sandbox: a stand-in for Stripe.js (https://js.stripe.com/v3/) that talks to this sandbox's Stripe API.
 *
 * Load it instead of Stripe's script and the usual calls work: Stripe(pk), stripe.elements({clientSecret}),
 * elements.create('payment' | 'card'), element.mount(...), elements.submit(), stripe.confirmPayment(...),
 * stripe.confirmCardPayment(...), stripe.createPaymentMethod(...), stripe.retrievePaymentIntent(...),
 * stripe.handleNextAction(...), stripe.handleCardAction(...), stripe.createToken(cardElement, data) for the legacy
 * charges and sources APIs; and for saving a card with a SetupIntent,
 * stripe.elements({clientSecret: 'seti_..._secret_...'}) or stripe.elements({mode: 'setup'}), stripe.confirmSetup(...),
 * stripe.confirmCardSetup(...), stripe.retrieveSetupIntent(...). The card form is drawn inside the mount node (no
 * iframe); card details go only to the sandbox API (the address this script was loaded from), which decides the
 * outcome from Stripe's test card numbers.
 */
(function () {
    'use strict';

    if (window.Stripe && window.Stripe.sandbox) {
        return;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Where the sandbox is: the script lives at <base>/js/v3, the API at <base>/v1.

    function scriptAddress() {
        if (document.currentScript && document.currentScript.src) {
            return document.currentScript.src;
        }
        const scripts = document.querySelectorAll('script[src]');
        for (let i = scripts.length - 1; i >= 0; i--) {
            if (/\/js\/v3\/?(?:[?#].*)?$/.test(scripts[i].src)) {
                return scripts[i].src;
            }
        }
        return new URL('/sandbox/js/v3', window.location.href).href;
    }

    const SANDBOX_BASE = scriptAddress().replace(/\/js\/v3\/?(?:[?#].*)?$/, '');
    const API_BASE = SANDBOX_BASE + '/v1';
    const SANDBOX_ORIGIN = new URL(SANDBOX_BASE).origin;

    // ---------------------------------------------------------------------------------------------------------
    // Errors thrown for programming mistakes, as Stripe.js throws them (results carry `{error}` instead).

    class IntegrationError extends Error {
        constructor(message) {
            super(message);
            this.name = 'IntegrationError';
        }
    }

    /** The two kinds of intents: where the API keeps them and how Stripe.js names them in its results. */
    const INTENTS = {
        payment: {prefix: 'pi', path: '/payment_intents', result: 'paymentIntent', param: 'payment_intent',
            error: 'last_payment_error', name: 'PaymentIntent', mode: 'payment'},
        setup: {prefix: 'seti', path: '/setup_intents', result: 'setupIntent', param: 'setup_intent',
            error: 'last_setup_error', name: 'SetupIntent', mode: 'setup'}
    };

    function kindOfSecret(clientSecret) {
        return typeof clientSecret === 'string' && clientSecret.indexOf('seti_') === 0 ? INTENTS.setup
            : INTENTS.payment;
    }

    function kindOfIntent(intent) {
        return intent && intent.object === 'setup_intent' ? INTENTS.setup : INTENTS.payment;
    }

    function clientSecretParts(clientSecret, method, kind) {
        const pattern = new RegExp('^' + (kind || INTENTS.payment).prefix + '_[A-Za-z0-9]+_secret_[A-Za-z0-9]+$');
        if (typeof clientSecret !== 'string' || !pattern.test(clientSecret)) {
            throw new IntegrationError('Invalid value for ' + method + ': clientSecret should be a client secret of '
                + 'the form ${id}_secret_${secret}. You specified: ' + clientSecret + '.');
        }
        return {id: clientSecret.substring(0, clientSecret.indexOf('_secret_')), clientSecret: clientSecret};
    }

    // ---------------------------------------------------------------------------------------------------------
    // The HTTP client: Stripe's form encoding (a[b][0][c]=...), the publishable key, Stripe's error JSON.

    function formEncode(params) {
        const pairs = [];
        (function add(value, name) {
            if (value === undefined || value === null) {
                return;
            }
            if (Array.isArray(value)) {
                value.forEach((item, index) => add(item, name + '[' + index + ']'));
            } else if (typeof value === 'object') {
                Object.keys(value).forEach((key) => add(value[key], name ? name + '[' + key + ']' : key));
            } else {
                pairs.push(encodeURIComponent(name) + '=' + encodeURIComponent(String(value)));
            }
        })(params, '');
        return pairs.join('&');
    }

    function apiClient(publishableKey, options) {
        return async function call(method, path, params) {
            const headers = {'Authorization': 'Bearer ' + publishableKey};
            if (options.apiVersion) {
                headers['Stripe-Version'] = options.apiVersion;
            }
            if (options.stripeAccount) {
                headers['Stripe-Account'] = options.stripeAccount;
            }
            let url = API_BASE + path;
            const init = {method: method, headers: headers, credentials: 'omit', cache: 'no-store'};
            const body = formEncode(params || {});
            if (method === 'GET') {
                url += body ? '?' + body : '';
            } else {
                headers['Content-Type'] = 'application/x-www-form-urlencoded';
                init.body = body;
            }
            let response;
            try {
                response = await fetch(url, init);
            } catch (e) {
                return {error: {type: 'api_connection_error',
                    message: 'An error occurred with our connection to Stripe. Request was retried 0 times.'}};
            }
            let json;
            try {
                json = await response.json();
            } catch (e) {
                return {error: {type: 'api_error', message: 'An unexpected error occurred (HTTP ' + response.status
                        + ').'}};
            }
            if (!response.ok || json.error) {
                return {error: json.error || {type: 'api_error', message: 'HTTP ' + response.status}};
            }
            return {object: json};
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // Card rules: brands, lengths, the Luhn check, and Stripe's validation messages.

    const BRANDS = [
        {brand: 'amex', pattern: /^3[47]/, lengths: [15], cvc: 4, gaps: [4, 10]},
        {brand: 'diners', pattern: /^(36|30[0-5]|3[89])/, lengths: [14, 16], cvc: 3, gaps: [4, 10]},
        {brand: 'jcb', pattern: /^35(2[89]|[3-8])/, lengths: [16], cvc: 3, gaps: [4, 8, 12]},
        {brand: 'discover', pattern: /^(6011|64[4-9]|65)/, lengths: [16], cvc: 3, gaps: [4, 8, 12]},
        {brand: 'unionpay', pattern: /^62/, lengths: [16, 17, 18, 19], cvc: 3, gaps: [4, 8, 12]},
        {brand: 'mastercard', pattern: /^(5[1-5]|2(2[2-9]|[3-6]|7[01]|720))/, lengths: [16], cvc: 3,
            gaps: [4, 8, 12]},
        {brand: 'visa', pattern: /^4/, lengths: [16], cvc: 3, gaps: [4, 8, 12]}
    ];
    const UNKNOWN_BRAND = {brand: 'unknown', pattern: /^/, lengths: [16], cvc: 3, gaps: [4, 8, 12]};
    const BRAND_NAMES = {visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover',
        diners: 'Diners Club', jcb: 'JCB', unionpay: 'UnionPay'};

    const MESSAGES = {
        incomplete_number: 'Your card number is incomplete.',
        invalid_number: 'Your card number is invalid.',
        incomplete_expiry: 'Your card\'s expiration date is incomplete.',
        invalid_expiry_month: 'Your card\'s expiration date is invalid.',
        invalid_expiry_month_past: 'Your card\'s expiration date is in the past.',
        invalid_expiry_year_past: 'Your card\'s expiration year is in the past.',
        invalid_expiry_year: 'Your card\'s expiration year is invalid.',
        incomplete_cvc: 'Your card\'s security code is incomplete.',
        incomplete_zip: 'Your postal code is incomplete.'
    };

    // The Element's words in the payer's language, as Stripe.js shows them: Stripe(pk, {locale}) or, by default
    // ('auto'), the browser's. English is the fallback.
    const TRANSLATIONS = {
        es: {
            'Your card number is incomplete.': 'El número de tu tarjeta está incompleto.',
            'Your card number is invalid.': 'El número de tu tarjeta no es válido.',
            'Your card\'s expiration date is incomplete.': 'La fecha de caducidad de tu tarjeta está incompleta.',
            'Your card\'s expiration date is invalid.': 'La fecha de caducidad de tu tarjeta no es válida.',
            'Your card\'s expiration date is in the past.': 'La fecha de caducidad de tu tarjeta ya pasó.',
            'Your card\'s expiration year is in the past.': 'El año de caducidad de tu tarjeta ya pasó.',
            'Your card\'s expiration year is invalid.': 'El año de caducidad de tu tarjeta no es válido.',
            'Your card\'s security code is incomplete.': 'El código de seguridad de tu tarjeta está incompleto.',
            'Your postal code is incomplete.': 'Tu código postal está incompleto.',
            'Card number': 'Número de tarjeta', 'Expiration date': 'Fecha de caducidad',
            'Security code': 'Código de seguridad', 'Postal code': 'Código postal', 'Card': 'Tarjeta',
            'Payment method': 'Método de pago',
            'Test mode: use a Stripe test card such as 4242 4242 4242 4242.':
                'Modo de prueba: usa una tarjeta de prueba de Stripe, como 4242 4242 4242 4242.'
        },
        fr: {
            'Your card number is incomplete.': 'Le numéro de votre carte est incomplet.',
            'Your card number is invalid.': 'Le numéro de votre carte est invalide.',
            'Your card\'s expiration date is incomplete.': 'La date d’expiration de votre carte est incomplète.',
            'Your card\'s expiration date is invalid.': 'La date d’expiration de votre carte est invalide.',
            'Your card\'s expiration date is in the past.': 'La date d’expiration de votre carte est dépassée.',
            'Your card\'s expiration year is in the past.': 'L’année d’expiration de votre carte est dépassée.',
            'Your card\'s expiration year is invalid.': 'L’année d’expiration de votre carte est invalide.',
            'Your card\'s security code is incomplete.': 'Le code de sécurité de votre carte est incomplet.',
            'Your postal code is incomplete.': 'Votre code postal est incomplet.',
            'Card number': 'Numéro de carte', 'Expiration date': 'Date d’expiration',
            'Security code': 'Code de sécurité', 'Postal code': 'Code postal', 'Card': 'Carte',
            'Payment method': 'Moyen de paiement',
            'Test mode: use a Stripe test card such as 4242 4242 4242 4242.':
                'Mode test : utilisez une carte de test Stripe, par exemple 4242 4242 4242 4242.'
        }
    };
    let language = ((navigator.languages && navigator.languages[0]) || navigator.language || 'en').slice(0, 2);

    function t(text) {
        return (TRANSLATIONS[language] && TRANSLATIONS[language][text]) || text;
    }

    function validationError(code) {
        return {type: 'validation_error', code: code, message: t(MESSAGES[code])};
    }

    function digitsOf(value) {
        return String(value || '').replace(/\D/g, '');
    }

    function brandOf(digits) {
        return BRANDS.find((rule) => rule.pattern.test(digits)) || UNKNOWN_BRAND;
    }

    function luhn(digits) {
        let sum = 0;
        for (let i = 0; i < digits.length; i++) {
            let digit = Number(digits[digits.length - 1 - i]);
            if (i % 2 === 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 === 0;
    }

    function formatNumber(digits) {
        const rule = brandOf(digits);
        const limited = digits.slice(0, Math.max.apply(null, rule.lengths));
        let out = '';
        for (let i = 0; i < limited.length; i++) {
            if (rule.gaps.indexOf(i) >= 0) {
                out += ' ';
            }
            out += limited[i];
        }
        return out;
    }

    /** Splits what was typed into month and two-digit year ('4' → '04', '12/2034' → 12 and 34). */
    function expiryParts(value) {
        let month;
        let year;
        if (String(value).indexOf('/') >= 0) {
            const halves = String(value).split('/');
            month = digitsOf(halves[0]).slice(0, 2);
            year = digitsOf(halves.slice(1).join(''));
            if (month.length === 1 && halves[1].trim() !== '') {
                month = '0' + month;
            }
        } else {
            const digits = digitsOf(value);
            month = digits.slice(0, 2);
            year = digits.slice(2);
        }
        if (month.length === 1 && month > '1') {
            month = '0' + month;
        }
        year = year.length === 4 ? year.slice(2) : year.slice(0, 2);
        return {month: month, year: year};
    }

    function formatExpiry(value, deleting) {
        const parts = expiryParts(value);
        if (parts.year === '') {
            const typedSlash = String(value).indexOf('/') >= 0;
            return parts.month + ((parts.month.length === 2 && !deleting) || (typedSlash && !deleting) ? ' / ' : '');
        }
        return parts.month + ' / ' + parts.year;
    }

    /** Field rules. `strict`: the customer is done with the field (blur or submit), so incomplete is an error. */
    const RULES = {
        number: function (value, strict) {
            const digits = digitsOf(value);
            const rule = brandOf(digits);
            if (rule.lengths.indexOf(digits.length) >= 0) {
                return luhn(digits) ? null : validationError('invalid_number');
            }
            if (digits.length > Math.max.apply(null, rule.lengths)) {
                return validationError('invalid_number');
            }
            return strict ? validationError('incomplete_number') : null;
        },
        expiry: function (value, strict) {
            const parts = expiryParts(value);
            if (parts.month.length < 2 || parts.year.length < 2) {
                if (parts.month.length === 2 && (Number(parts.month) < 1 || Number(parts.month) > 12)) {
                    return validationError('invalid_expiry_month');
                }
                return strict ? validationError('incomplete_expiry') : null;
            }
            const month = Number(parts.month);
            const year = 2000 + Number(parts.year);
            const now = new Date();
            if (month < 1 || month > 12) {
                return validationError('invalid_expiry_month');
            }
            if (year < now.getFullYear()) {
                return validationError('invalid_expiry_year_past');
            }
            if (year === now.getFullYear() && month < now.getMonth() + 1) {
                return validationError('invalid_expiry_month_past');
            }
            if (year > now.getFullYear() + 50) {
                return validationError('invalid_expiry_year');
            }
            return null;
        },
        cvc: function (value, strict, card) {
            const length = brandOf(digitsOf(card.number)).cvc;
            return digitsOf(value).length >= length || !strict ? null : validationError('incomplete_cvc');
        },
        postalCode: function (value, strict) {
            return String(value || '').trim().length > 0 || !strict ? null : validationError('incomplete_zip');
        }
    };

    // ---------------------------------------------------------------------------------------------------------
    // Looks: one stylesheet for every element on the page, themed by the Elements `appearance` variables.

    const STYLES = `
.SandboxElement { --sbx-primary: #635bff; --sbx-text: #30313d; --sbx-bg: #ffffff; --sbx-danger: #df1b41;
  --sbx-border: #e6e6e6; --sbx-radius: 5px; --sbx-font: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto,
  "Helvetica Neue", Ubuntu, sans-serif; font-family: var(--sbx-font); color: var(--sbx-text); font-size: 15px; }
.SandboxElement *, .SandboxElement *::before { box-sizing: border-box; }
.SandboxElement .sbx-tab { display: inline-flex; align-items: center; gap: .5rem; padding: .55rem .9rem;
  border: 1px solid var(--sbx-primary); border-radius: var(--sbx-radius); box-shadow: 0 0 0 1px var(--sbx-primary);
  color: var(--sbx-primary); font-weight: 600; font-size: 14px; margin-bottom: .9rem; background: var(--sbx-bg); }
.SandboxElement .sbx-tab svg { width: 18px; height: 18px; }
.SandboxElement .sbx-row { display: flex; gap: .75rem; }
.SandboxElement .sbx-row > .sbx-field { flex: 1 1 0; min-width: 0; }
.SandboxElement .sbx-field { margin-bottom: .75rem; }
.SandboxElement label { display: block; font-size: 14px; margin-bottom: .25rem; color: var(--sbx-text); }
.SandboxElement .sbx-input-wrap { position: relative; }
.SandboxElement input { width: 100%; padding: .7rem .75rem; font: inherit; color: var(--sbx-text);
  background: var(--sbx-bg); border: 1px solid var(--sbx-border); border-radius: var(--sbx-radius);
  box-shadow: 0 1px 1px rgba(0,0,0,.03), 0 3px 6px rgba(0,0,0,.02); outline: none;
  transition: box-shadow .15s, border-color .15s; }
.SandboxElement input::placeholder { color: #87899a; }
.SandboxElement input:focus { border-color: color-mix(in srgb, var(--sbx-primary) 50%, transparent);
  box-shadow: 0 0 0 3px color-mix(in srgb, var(--sbx-primary) 25%, transparent); }
.SandboxElement input[aria-invalid="true"] { border-color: var(--sbx-danger); color: var(--sbx-danger);
  box-shadow: 0 0 0 1px var(--sbx-danger); }
.SandboxElement .sbx-brand { position: absolute; right: .6rem; top: 50%; transform: translateY(-50%);
  font-size: 11px; font-weight: 700; letter-spacing: .03em; padding: .15rem .35rem; border-radius: 3px;
  border: 1px solid var(--sbx-border); color: #6b7280; background: var(--sbx-bg); text-transform: uppercase; }
.SandboxElement .sbx-brand[data-brand="visa"] { color: #1a1f71; }
.SandboxElement .sbx-brand[data-brand="mastercard"] { color: #eb001b; }
.SandboxElement .sbx-brand[data-brand="amex"] { color: #2e77bb; }
.SandboxElement .sbx-error { color: var(--sbx-danger); font-size: 14px; margin-top: .25rem; min-height: 0; }
.SandboxElement .sbx-error:empty { display: none; }
.SandboxElement .sbx-note { font-size: 12px; color: #6b7280; margin-top: .25rem; }
.SandboxElement.sbx-card { display: flex; align-items: center; gap: .25rem; padding: .55rem .6rem;
  border: 1px solid var(--sbx-border); border-radius: var(--sbx-radius); background: var(--sbx-bg); }
.SandboxElement.sbx-card .sbx-input-wrap { flex: 1 1 auto; }
.SandboxElement.sbx-card input { border: 0; box-shadow: none; padding: .2rem .3rem; }
.SandboxElement.sbx-card input:focus { box-shadow: none; }
.SandboxElement.sbx-card input[aria-invalid="true"] { box-shadow: none; }
.SandboxElement.sbx-card [data-field="number"] { flex: 3 1 10rem; }
.SandboxElement.sbx-card [data-field="expiry"], .SandboxElement.sbx-card [data-field="cvc"],
.SandboxElement.sbx-card [data-field="postalCode"] { flex: 1 1 4rem; }
.SandboxElement.sbx-card .sbx-brand { position: static; transform: none; margin-right: .25rem; }
.SandboxElement.sbx-card label { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); }
.sbx-challenge { position: fixed; inset: 0; z-index: 2147483647; background: rgba(15, 23, 42, .55);
  display: flex; align-items: center; justify-content: center; font-family: -apple-system, BlinkMacSystemFont,
  "Segoe UI", Roboto, sans-serif; color: #30313d; }
.sbx-challenge-box { background: #fff; border-radius: 10px; width: min(420px, 94vw);
  box-shadow: 0 20px 50px rgba(0,0,0,.3); overflow: hidden; }
.sbx-challenge-box header { display: flex; justify-content: space-between; align-items: center;
  padding: .75rem 1rem; font-size: 15px; font-weight: 600; border-bottom: 1px solid #eee; }
.sbx-challenge-close { border: 0; background: none; font-size: 22px; line-height: 1; cursor: pointer;
  color: #6b7280; }
.sbx-challenge-body { padding: 1.25rem 1rem 1rem; font-size: 14px; }
.sbx-challenge-amount { font-size: 20px; font-weight: 600; margin: .5rem 0 1rem; }
.sbx-challenge-actions { display: flex; gap: .5rem; flex-wrap: wrap; }
.sbx-challenge-actions button { flex: 1 1 auto; padding: .6rem .9rem; border-radius: 6px; font: inherit;
  font-weight: 600; cursor: pointer; }
.sbx-challenge-complete { background: #16a34a; color: #fff; border: 1px solid #16a34a; }
.sbx-challenge-fail { background: #fff; color: #b91c1c; border: 1px solid #b91c1c; }
.sbx-challenge-status { color: #df1b41; margin-top: .75rem; }
.sbx-challenge-status:empty { display: none; }
`;

    function injectStyles() {
        if (document.getElementById('sandbox-stripe-js-styles')) {
            return;
        }
        const style = document.createElement('style');
        style.id = 'sandbox-stripe-js-styles';
        style.textContent = STYLES;
        (document.head || document.documentElement).appendChild(style);
    }

    function applyAppearance(node, appearance) {
        const variables = (appearance && appearance.variables) || {};
        const map = {colorPrimary: '--sbx-primary', colorText: '--sbx-text', colorBackground: '--sbx-bg',
            colorDanger: '--sbx-danger', borderRadius: '--sbx-radius', fontFamily: '--sbx-font'};
        Object.keys(map).forEach((name) => {
            if (variables[name]) {
                node.style.setProperty(map[name], variables[name]);
            }
        });
        if (appearance && appearance.theme === 'night') {
            node.style.setProperty('--sbx-bg', variables.colorBackground || '#30313d');
            node.style.setProperty('--sbx-text', variables.colorText || '#ffffff');
            node.style.setProperty('--sbx-border', '#424353');
        }
    }

    function el(tag, attributes, children) {
        const node = document.createElement(tag);
        Object.keys(attributes || {}).forEach((name) => {
            if (name === 'text') {
                node.textContent = attributes[name];
            } else {
                node.setAttribute(name, attributes[name]);
            }
        });
        (children || []).forEach((child) => node.appendChild(child));
        return node;
    }

    const CARD_ICON = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">'
        + '<rect x="2" y="5" width="20" height="14" rx="2"/><line x1="2" y1="10" x2="22" y2="10"/></svg>';

    // ---------------------------------------------------------------------------------------------------------
    // Elements: the card form, drawn in the mount node.

    const FIELDS = [
        {name: 'number', label: 'Card number', placeholder: '1234 1234 1234 1234', autocomplete: 'cc-number',
            inputmode: 'numeric'},
        {name: 'expiry', label: 'Expiration date', placeholder: 'MM / YY', autocomplete: 'cc-exp',
            inputmode: 'numeric'},
        {name: 'cvc', label: 'Security code', placeholder: 'CVC', autocomplete: 'cc-csc', inputmode: 'numeric'},
        {name: 'postalCode', label: 'Postal code', placeholder: 'ZIP', autocomplete: 'postal-code',
            inputmode: 'text'}
    ];

    let pointerDown = false;
    let afterRelease = [];
    document.addEventListener('pointerdown', () => {
        pointerDown = true;
    }, true);
    ['pointerup', 'pointercancel'].forEach((type) => document.addEventListener(type, () => {
        pointerDown = false;
        const pending = afterRelease;
        afterRelease = [];
        setTimeout(() => pending.forEach((run) => run()), 0);
    }, true));

    function afterPointerRelease(run) {
        if (pointerDown) {
            afterRelease.push(run);
        } else {
            run();
        }
    }

    const ELEMENTS = new WeakMap();
    let elementCount = 0;

    class SandboxElement {
        constructor(type, group, options) {
            this._type = type;
            this._group = group;
            this._options = Object.assign({}, options || {});
            this._handlers = {};
            this._values = {number: '', expiry: '', cvc: '', postalCode: ''};
            this._errors = {};
            this._shown = {};
            this._node = null;
            this._inputs = {};
            this._id = ++elementCount;
            this._destroyed = false;
            ELEMENTS.set(this, true);
        }

        mount(target) {
            if (this._destroyed) {
                throw new IntegrationError('This Element has already been destroyed. Please create a new one.');
            }
            const container = typeof target === 'string' ? document.querySelector(target) : target;
            if (!container || !(container instanceof Element)) {
                throw new IntegrationError('The selector you specified (' + target + ') applies to no DOM elements '
                    + 'that are currently on the page.\nMake sure the element exists on the page before calling '
                    + 'mount().');
            }
            injectStyles();
            this._container = container;
            this._node = this._render();
            container.replaceChildren(this._node);
            container.classList.add('StripeElement', 'StripeElement--empty');
            setTimeout(() => this._emit('ready', {elementType: this._type}), 0);
        }

        unmount() {
            if (this._node) {
                this._node.remove();
                this._container.classList.remove('StripeElement', 'StripeElement--empty', 'StripeElement--complete',
                    'StripeElement--invalid', 'StripeElement--focus');
                this._node = null;
            }
        }

        destroy() {
            this.unmount();
            this._destroyed = true;
            this._group._forget(this);
        }

        on(event, handler) {
            (this._handlers[event] = this._handlers[event] || []).push(handler);
            return this;
        }

        once(event, handler) {
            const wrapper = (payload) => {
                this.off(event, wrapper);
                handler(payload);
            };
            return this.on(event, wrapper);
        }

        off(event, handler) {
            if (!handler) {
                delete this._handlers[event];
            } else if (this._handlers[event]) {
                this._handlers[event] = this._handlers[event].filter((h) => h !== handler);
            }
            return this;
        }

        addEventListener(event, handler) {
            return this.on(event, handler);
        }

        removeEventListener(event, handler) {
            return this.off(event, handler);
        }

        focus() {
            if (this._inputs.number) {
                this._inputs.number.focus();
            }
        }

        blur() {
            if (document.activeElement && this._node && this._node.contains(document.activeElement)) {
                document.activeElement.blur();
            }
        }

        clear() {
            Object.keys(this._values).forEach((name) => {
                this._values[name] = '';
                if (this._inputs[name]) {
                    this._inputs[name].value = '';
                }
            });
            this._shown = {};
            this._refresh();
            this._changed();
        }

        update(options) {
            Object.assign(this._options, options || {});
        }

        collapse() {
            return this;
        }

        _emit(event, payload) {
            (this._handlers[event] || []).slice().forEach((handler) => {
                try {
                    handler(payload);
                } catch (e) {
                    setTimeout(() => {
                        throw e;
                    }, 0);
                }
            });
        }

        _fields() {
            const hidePostalCode = this._options.hidePostalCode === true
                || (this._options.fields && this._options.fields.billingDetails
                    && (this._options.fields.billingDetails === 'never'
                        || (this._options.fields.billingDetails.address === 'never'
                            || (this._options.fields.billingDetails.address
                                && this._options.fields.billingDetails.address.postalCode === 'never'))));
            return FIELDS.filter((field) => field.name !== 'postalCode' || !hidePostalCode);
        }

        _render() {
            const compact = this._type === 'card';
            const root = el('div', {'class': 'SandboxElement ' + (compact ? 'sbx-card' : 'sbx-payment'),
                'data-sandbox-element': this._type});
            applyAppearance(root, this._group._options.appearance);
            if (!compact) {
                const tab = el('div', {'class': 'sbx-tab', 'role': 'tab', 'aria-selected': 'true'});
                tab.innerHTML = CARD_ICON;
                tab.appendChild(el('span', {text: t('Card')}));
                // A tab lives in a tab list (WAI-ARIA), as the card tab of Stripe's Payment Element does.
                const tabs = el('div', {'class': 'sbx-tabs', 'role': 'tablist', 'aria-label': t('Payment method')});
                tabs.appendChild(tab);
                root.appendChild(tabs);
            }
            const fields = {};
            this._fields().forEach((field) => {
                const id = 'sbx-' + this._id + '-' + field.name;
                const input = el('input', {id: id, name: field.name, type: 'text', placeholder: field.placeholder,
                    autocomplete: field.autocomplete, inputmode: field.inputmode, spellcheck: 'false',
                    'aria-invalid': 'false', 'aria-describedby': id + '-error'});
                if (compact) {
                    input.setAttribute('aria-label', t(field.label));
                }
                const wrap = el('div', {'class': 'sbx-input-wrap'}, [input]);
                if (field.name === 'number') {
                    this._brandBadge = el('span', {'class': 'sbx-brand', 'data-brand': 'unknown',
                        'aria-hidden': 'true', text: t('Card')});
                    wrap.appendChild(this._brandBadge);
                }
                const error = el('div', {'class': 'sbx-error', id: id + '-error', role: 'alert'});
                const fieldNode = el('div', {'class': 'sbx-field', 'data-field': field.name},
                    compact ? [wrap] : [el('label', {'for': id, text: t(field.label)}), wrap, error]);
                this._inputs[field.name] = input;
                this._errorNodes = this._errorNodes || {};
                this._errorNodes[field.name] = error;
                input.value = this._values[field.name];
                input.addEventListener('input', (event) => this._input(field.name, event));
                input.addEventListener('blur', () => this._blurred(field.name));
                input.addEventListener('focus', () => {
                    this._container.classList.add('StripeElement--focus');
                    this._emit('focus', {elementType: this._type});
                });
                fields[field.name] = fieldNode;
            });
            if (compact) {
                if (this._brandBadge) {
                    root.appendChild(this._brandBadge);
                }
                Object.keys(fields).forEach((name) => root.appendChild(fields[name]));
            } else {
                root.appendChild(fields.number);
                root.appendChild(el('div', {'class': 'sbx-row'}, [fields.expiry, fields.cvc]));
                if (fields.postalCode) {
                    root.appendChild(fields.postalCode);
                }
                root.appendChild(el('div', {'class': 'sbx-note',
                    text: t('Test mode: use a Stripe test card such as 4242 4242 4242 4242.')}));
            }
            return root;
        }

        _input(name, event) {
            const input = this._inputs[name];
            const deleting = event && event.inputType && event.inputType.indexOf('delete') === 0;
            let value = input.value;
            if (name === 'number') {
                value = formatNumber(digitsOf(value));
            } else if (name === 'expiry') {
                value = formatExpiry(value, deleting);
            } else if (name === 'cvc') {
                value = digitsOf(value).slice(0, 4);
            } else {
                value = value.slice(0, 10);
            }
            if (input.value !== value) {
                input.value = value;
            }
            this._values[name] = value;
            const strictError = RULES[name](value, true, this._values);
            // While typing, only errors that more typing cannot fix are shown; a field already flagged is re-checked.
            const error = RULES[name](value, false, this._values);
            this._shown[name] = error ? true : (this._shown[name] && strictError !== null);
            this._refresh();
            this._changed();
            if (!deleting && strictError === null && name !== 'postalCode') {
                this._advanceFrom(name);
            }
        }

        _advanceFrom(name) {
            const order = this._fields().map((field) => field.name);
            const next = this._inputs[order[order.indexOf(name) + 1]];
            if (next && document.activeElement === this._inputs[name]) {
                next.focus();
            }
        }

        _blurred(name) {
            this._container.classList.remove('StripeElement--focus');
            const show = () => {
                if (this._values[name] !== '' || this._shown[name]) {
                    this._shown[name] = RULES[name](this._values[name], true, this._values) !== null;
                }
                this._refresh();
                this._changed();
            };
            // A message appearing under the field moves what is below it; when the field lost focus because the
            // customer is pressing a button (Pay), that press must still land on the button: show it after.
            afterPointerRelease(show);
            this._emit('blur', {elementType: this._type});
        }

        /** Every field's error, as if the customer were done (for submit and confirm). */
        _strictErrors() {
            const errors = {};
            this._fields().forEach((field) => {
                const error = RULES[field.name](this._values[field.name], true, this._values);
                if (error) {
                    errors[field.name] = error;
                }
            });
            return errors;
        }

        /** Validates as on submit: shows every message and answers the first error, or null. */
        _validateAll() {
            const errors = this._strictErrors();
            this._fields().forEach((field) => {
                this._shown[field.name] = Boolean(errors[field.name]);
            });
            this._refresh();
            this._changed();
            const first = this._fields().find((field) => errors[field.name]);
            if (first && this._inputs[first.name]) {
                this._inputs[first.name].focus();
            }
            return first ? errors[first.name] : null;
        }

        _visibleError() {
            const fields = this._fields();
            for (let i = 0; i < fields.length; i++) {
                const name = fields[i].name;
                if (this._shown[name]) {
                    const error = RULES[name](this._values[name], true, this._values);
                    if (error) {
                        return error;
                    }
                }
            }
            return undefined;
        }

        _refresh() {
            if (!this._node) {
                return;
            }
            const brand = brandOf(digitsOf(this._values.number)).brand;
            if (this._brandBadge) {
                this._brandBadge.setAttribute('data-brand', brand);
                this._brandBadge.textContent = BRAND_NAMES[brand] || t('Card');
            }
            if (this._inputs.cvc) {
                this._inputs.cvc.setAttribute('maxlength', brandOf(digitsOf(this._values.number)).cvc);
            }
            let anyInvalid = false;
            this._fields().forEach((field) => {
                const error = this._shown[field.name]
                    ? RULES[field.name](this._values[field.name], true, this._values) : null;
                anyInvalid = anyInvalid || Boolean(error);
                this._inputs[field.name].setAttribute('aria-invalid', error ? 'true' : 'false');
                if (this._errorNodes[field.name]) {
                    this._errorNodes[field.name].textContent = error ? error.message : '';
                }
            });
            const classes = this._container.classList;
            classes.toggle('StripeElement--empty', this._isEmpty());
            classes.toggle('StripeElement--complete', this._isComplete());
            classes.toggle('StripeElement--invalid', anyInvalid);
        }

        _isEmpty() {
            return this._fields().every((field) => this._values[field.name] === '');
        }

        _isComplete() {
            return Object.keys(this._strictErrors()).length === 0;
        }

        _changed() {
            const event = {elementType: this._type, empty: this._isEmpty(), complete: this._isComplete()};
            if (this._type === 'payment') {
                event.collapsed = false;
                event.value = {type: 'card'};
            } else {
                event.brand = brandOf(digitsOf(this._values.number)).brand;
                event.error = this._visibleError();
                event.value = {postalCode: this._values.postalCode};
            }
            this._emit('change', event);
        }

        /** The typed card as the API's card[...] details: number, expiry and CVC. */
        _cardDetails() {
            const parts = expiryParts(this._values.expiry);
            return {number: digitsOf(this._values.number), exp_month: Number(parts.month),
                exp_year: 2000 + Number(parts.year), cvc: digitsOf(this._values.cvc)};
        }

        /** The card as the API's payment_method_data (card details go to the sandbox API and nowhere else). */
        _paymentMethodData(extraBillingDetails) {
            const billing = Object.assign({}, extraBillingDetails || {});
            if (this._values.postalCode) {
                billing.address = Object.assign({}, billing.address || {}, {postal_code: this._values.postalCode});
            }
            const data = {type: 'card', card: this._cardDetails()};
            if (Object.keys(billing).length > 0) {
                data.billing_details = billing;
            }
            return data;
        }
    }

    class SandboxElements {
        constructor(stripe, options) {
            this._stripe = stripe;
            this._options = Object.assign({}, options || {});
            this._elements = [];
        }

        create(type, options) {
            if (type !== 'payment' && type !== 'card') {
                throw new IntegrationError('The sandbox\'s Stripe.js supports the \'payment\' and \'card\' Elements; '
                    + 'it cannot create \'' + type + '\'.');
            }
            if (this.getElement(type)) {
                throw new IntegrationError('Can only create one Element of type ' + type + '.');
            }
            const element = new SandboxElement(type, this, options);
            this._elements.push(element);
            return element;
        }

        getElement(type) {
            return this._elements.find((element) => element._type === type) || null;
        }

        update(options) {
            Object.assign(this._options, options || {});
            this._elements.forEach((element) => {
                if (element._node) {
                    applyAppearance(element._node, this._options.appearance);
                }
            });
        }

        fetchUpdates() {
            return Promise.resolve({});
        }

        /** Validates the form, shows the messages, and answers {error} or {selectedPaymentMethod}. */
        submit() {
            const element = this._paymentElement();
            if (!element) {
                return Promise.reject(new IntegrationError('elements.submit() needs a mounted Payment Element.'));
            }
            const error = element._validateAll();
            return Promise.resolve(error ? {error: error} : {selectedPaymentMethod: 'card'});
        }

        _paymentElement() {
            return this.getElement('payment') || this.getElement('card');
        }

        _forget(element) {
            this._elements = this._elements.filter((e) => e !== element);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Next actions: 3-D Secure by redirect (redirect_to_url) or in a dialog over the page (use_stripe_sdk).

    function navigate(url) {
        window.location.assign(url);
        return new Promise(() => {
        });
    }

    /**
     * Shows the bank's challenge in a dialog over the page, as Stripe.js does for use_stripe_sdk, and resolves with
     * the intent (PaymentIntent or SetupIntent) once the customer has answered. The sandbox's hosted challenge page cannot be framed (its
     * pages forbid framing), so the dialog draws the same two answers itself and posts them to the page's
     * endpoints, which answer the PaymentIntent as JSON.
     */
    function challengeInDialog(intent, clientSecret) {
        injectStyles();
        return new Promise((resolve) => {
            const challenge = SANDBOX_BASE + '/3ds/' + encodeURIComponent(intent.id);
            const status = el('div', {'class': 'sbx-challenge-status', role: 'alert'});
            const complete = el('button', {type: 'button', 'class': 'sbx-challenge-complete',
                text: 'Complete authentication'});
            const fail = el('button', {type: 'button', 'class': 'sbx-challenge-fail', text: 'Fail authentication'});
            const close = el('button', {type: 'button', 'class': 'sbx-challenge-close', 'aria-label': 'Close',
                text: '\u00d7'});
            // A SetupIntent has no amount: the bank authenticates the card for later payments.
            const amount = typeof intent.amount === 'number' && intent.currency
                ? formatAmount(intent.amount, intent.currency) : 'Save your card for later payments';
            const overlay = el('div', {'class': 'sbx-challenge', role: 'dialog', 'aria-modal': 'true',
                'aria-labelledby': 'sbx-challenge-title'}, [
                el('div', {'class': 'sbx-challenge-box'}, [
                    el('header', {}, [el('span', {id: 'sbx-challenge-title', text: '3D Secure authentication'}),
                        close]),
                    el('div', {'class': 'sbx-challenge-body'}, [
                        el('p', {text: 'Test mode: this stands in for your bank\'s authentication page. '
                                + 'Choose how the bank answers.'}),
                        el('p', {'class': 'sbx-challenge-amount', text: amount}),
                        el('div', {'class': 'sbx-challenge-actions'}, [complete, fail]),
                        status])])]);
            document.body.appendChild(overlay);
            complete.focus();

            const answer = async (outcome) => {
                [complete, fail, close].forEach((button) => {
                    button.disabled = true;
                });
                status.textContent = '';
                let response;
                let body;
                try {
                    response = await fetch(challenge + '/' + outcome, {method: 'POST', credentials: 'omit',
                        headers: {'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded'},
                        body: formEncode({client_secret: clientSecret})});
                    body = await response.json();
                } catch (e) {
                    status.textContent = 'The sandbox could not be reached. Try again.';
                    [complete, fail, close].forEach((button) => {
                        button.disabled = false;
                    });
                    return;
                }
                overlay.remove();
                resolve(response.ok && !body.error ? {intent: body}
                    : {error: body.error || {type: 'api_error', message: 'HTTP ' + response.status}});
            };
            complete.addEventListener('click', () => answer('complete'));
            fail.addEventListener('click', () => answer('fail'));
            // Closing the bank's window abandons the authentication, which fails it.
            close.addEventListener('click', () => answer('fail'));
        });
    }

    function formatAmount(amount, currency) {
        try {
            const formatter = new Intl.NumberFormat(undefined, {style: 'currency', currency: currency.toUpperCase()});
            return formatter.format(amount / Math.pow(10, formatter.resolvedOptions().maximumFractionDigits));
        } catch (e) {
            return amount + ' ' + currency.toUpperCase();
        }
    }

    /**
     * {paymentIntent} or {setupIntent}; an intent back in requires_payment_method carries the reason in
     * last_payment_error (last_setup_error), which becomes the {error}.
     */
    function outcome(intent) {
        const kind = kindOfIntent(intent);
        const result = {};
        if (intent.status === 'requires_payment_method' && intent[kind.error]) {
            result.error = Object.assign({}, intent[kind.error]);
            result.error[kind.param] = intent;
        } else {
            result[kind.result] = intent;
        }
        return result;
    }

    function redirectStatus(status) {
        if (status === 'succeeded' || status === 'requires_capture') {
            return 'succeeded';
        }
        return status === 'processing' ? 'processing' : 'failed';
    }

    function withIntentParameters(returnUrl, intent, clientSecret) {
        const kind = kindOfIntent(intent);
        const address = new URL(returnUrl, window.location.href);
        address.searchParams.set(kind.param, intent.id);
        address.searchParams.set(kind.param + '_client_secret', clientSecret);
        address.searchParams.set('redirect_status', redirectStatus(intent.status));
        return address.href;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stripe(publishableKey, options)

    function Stripe(publishableKey, options) {
        if (!(this instanceof Stripe)) {
            return new Stripe(publishableKey, options);
        }
        if (typeof publishableKey !== 'string' || publishableKey === '') {
            throw new IntegrationError('Please call Stripe() with your publishable key. You used an empty string.');
        }
        if (/^(sk|rk)_/.test(publishableKey)) {
            throw new IntegrationError('You should not use your secret key with Stripe.js.\n'
                + 'Please pass a publishable key instead.');
        }
        this._key = publishableKey;
        this._options = Object.assign({}, options || {});
        if (typeof this._options.locale === 'string' && this._options.locale !== 'auto') {
            language = this._options.locale.slice(0, 2);
        }
        this._call = apiClient(publishableKey, this._options);
    }

    Stripe.prototype.elements = function (options) {
        return new SandboxElements(this, options);
    };

    Stripe.prototype._retrieve = async function (clientSecret, kind, method) {
        const parts = clientSecretParts(clientSecret, method, kind);
        const response = await this._call('GET', kind.path + '/' + encodeURIComponent(parts.id),
            {client_secret: parts.clientSecret});
        const result = {};
        if (response.error) {
            result.error = response.error;
        } else {
            result[kind.result] = response.object;
        }
        return result;
    };

    Stripe.prototype.retrievePaymentIntent = function (clientSecret) {
        return this._retrieve(clientSecret, INTENTS.payment, 'stripe.retrievePaymentIntent');
    };

    Stripe.prototype.retrieveSetupIntent = function (clientSecret) {
        return this._retrieve(clientSecret, INTENTS.setup, 'stripe.retrieveSetupIntent');
    };

    /** Runs the intent's next action; answers {intent} afterwards (or navigates away), or {error}. */
    Stripe.prototype._handleAction = async function (intent, clientSecret) {
        const action = intent.next_action || {};
        if (action.type === 'redirect_to_url' && action.redirect_to_url && action.redirect_to_url.url) {
            return navigate(action.redirect_to_url.url);
        }
        if (action.type === 'use_stripe_sdk' || action.type === 'redirect_to_url') {
            return challengeInDialog(intent, clientSecret);
        }
        const kind = kindOfIntent(intent);
        const error = {type: 'invalid_request_error', code: kind.param + '_unexpected_state',
            message: 'The sandbox\'s Stripe.js cannot handle the next action \'' + action.type + '\'.'};
        error[kind.param] = intent;
        return {error: error};
    };

    /** Confirms the intent of the client secret; settings: {method, kind, handleActions}. */
    Stripe.prototype._confirm = async function (clientSecret, params, settings) {
        const kind = settings.kind || INTENTS.payment;
        const parts = clientSecretParts(clientSecret, settings.method, kind);
        const body = Object.assign({}, params, {client_secret: parts.clientSecret});
        const response = await this._call('POST', kind.path + '/' + encodeURIComponent(parts.id) + '/confirm', body);
        if (response.error) {
            return {error: response.error};
        }
        let intent = response.object;
        if (intent.status === 'requires_action' && settings.handleActions !== false) {
            const handled = await this._handleAction(intent, parts.clientSecret);
            if (handled.error) {
                return handled;
            }
            intent = handled.intent;
        }
        return outcome(intent);
    };

    /** stripe.confirmPayment and stripe.confirmSetup: the Payment Element's card, then the return_url. */
    Stripe.prototype._confirmWithElements = async function (options, kind, method) {
        const settings = options || {};
        const elements = settings.elements;
        const clientSecret = settings.clientSecret || (elements && elements._options.clientSecret);
        if (!clientSecret) {
            throw new IntegrationError(method + '(): expected either `elements` created with a '
                + '`clientSecret`, or a `clientSecret` option.');
        }
        if (elements && elements._options.mode && elements._options.mode !== kind.mode) {
            throw new IntegrationError(method + '(): the Elements instance was created with mode \''
                + elements._options.mode + '\'; ' + method + ' needs mode \'' + kind.mode + '\'.');
        }
        const confirmParams = Object.assign({}, settings.confirmParams || {});
        const redirect = settings.redirect || 'always';
        if (redirect !== 'if_required' && !confirmParams.return_url) {
            throw new IntegrationError(method + '(): the `confirmParams.return_url` argument is required '
                + 'unless passing `redirect: \'if_required\'`');
        }
        if (elements) {
            const element = elements._paymentElement();
            if (!element) {
                throw new IntegrationError(method + '(): the Elements instance has no Payment Element.');
            }
            const invalid = element._validateAll();
            if (invalid) {
                return {error: invalid};
            }
            const extra = confirmParams.payment_method_data || {};
            confirmParams.payment_method_data = Object.assign({}, extra,
                element._paymentMethodData(extra.billing_details));
        }
        const result = await this._confirm(clientSecret, confirmParams, {method: method, kind: kind});
        if (result.error || redirect === 'if_required') {
            return result;
        }
        return navigate(withIntentParameters(confirmParams.return_url, result[kind.result], clientSecret));
    };

    Stripe.prototype.confirmPayment = function (options) {
        return this._confirmWithElements(options, INTENTS.payment, 'stripe.confirmPayment');
    };

    Stripe.prototype.confirmSetup = function (options) {
        return this._confirmWithElements(options, INTENTS.setup, 'stripe.confirmSetup');
    };

    /** stripe.confirmCardPayment and stripe.confirmCardSetup: a Card (or Payment) Element, or a PaymentMethod id. */
    Stripe.prototype._confirmCard = async function (clientSecret, data, options, kind, method) {
        const params = Object.assign({}, data || {});
        const paymentMethod = params.payment_method;
        if (paymentMethod && typeof paymentMethod === 'object') {
            if (!paymentMethod.card || !ELEMENTS.has(paymentMethod.card)) {
                throw new IntegrationError('Invalid value for ' + method.replace('stripe.', '')
                    + ': payment_method.card should be a card Element.');
            }
            const invalid = paymentMethod.card._validateAll();
            if (invalid) {
                return {error: invalid};
            }
            delete params.payment_method;
            params.payment_method_data = paymentMethod.card._paymentMethodData(paymentMethod.billing_details);
            if (paymentMethod.metadata) {
                params.payment_method_data.metadata = paymentMethod.metadata;
            }
        }
        return this._confirm(clientSecret, params, {method: method, kind: kind,
            handleActions: !options || options.handleActions !== false});
    };

    Stripe.prototype.confirmCardPayment = function (clientSecret, data, options) {
        return this._confirmCard(clientSecret, data, options, INTENTS.payment, 'stripe.confirmCardPayment');
    };

    Stripe.prototype.confirmCardSetup = function (clientSecret, data, options) {
        return this._confirmCard(clientSecret, data, options, INTENTS.setup, 'stripe.confirmCardSetup');
    };

    Stripe.prototype.handleNextAction = async function (options) {
        const clientSecret = (options || {}).clientSecret;
        return this._handleExisting(clientSecret, 'stripe.handleNextAction', kindOfSecret(clientSecret));
    };

    Stripe.prototype.handleCardAction = async function (clientSecret) {
        return this._handleExisting(clientSecret, 'stripe.handleCardAction', INTENTS.payment);
    };

    Stripe.prototype._handleExisting = async function (clientSecret, method, kind) {
        clientSecretParts(clientSecret, method, kind);
        const retrieved = await this._retrieve(clientSecret, kind, method);
        if (retrieved.error) {
            return retrieved;
        }
        const intent = retrieved[kind.result];
        if (intent.status !== 'requires_action') {
            const error = {type: 'invalid_request_error', code: kind.param + '_unexpected_state',
                message: method + ': the ' + kind.name + ' has the status ' + intent.status
                    + ', not requires_action.'};
            error[kind.param] = intent;
            return {error: error};
        }
        const handled = await this._handleAction(intent, clientSecret);
        return handled.error ? handled : outcome(handled.intent);
    };

    Stripe.prototype.createPaymentMethod = async function (options) {
        const settings = options || {};
        let params;
        if (settings.elements) {
            const element = settings.elements._paymentElement();
            const invalid = element && element._validateAll();
            if (invalid) {
                return {error: invalid};
            }
            const extra = settings.params || {};
            params = Object.assign({}, extra, element._paymentMethodData(extra.billing_details));
        } else {
            if (settings.type !== 'card' || !ELEMENTS.has(settings.card)) {
                throw new IntegrationError('stripe.createPaymentMethod(): pass {type: \'card\', card: cardElement} '
                    + 'or {elements}.');
            }
            const invalid = settings.card._validateAll();
            if (invalid) {
                return {error: invalid};
            }
            params = Object.assign({}, settings, settings.card._paymentMethodData(settings.billing_details));
        }
        const response = await this._call('POST', '/payment_methods', params);
        return response.error ? {error: response.error} : {paymentMethod: response.object};
    };

    /** What stripe.createToken(cardElement, data) passes on with the card: the holder's name and address. */
    const TOKEN_DATA = ['name', 'address_line1', 'address_line2', 'address_city', 'address_state', 'address_zip',
        'address_country', 'currency'];

    /**
     * stripe.createToken(cardElement, data): a card token (tok_...) for the legacy APIs (a charge's source, a
     * customer's card), from a Card Element and the holder's name and address; the Element's postal code is the
     * card's address_zip unless data gives one. Answers {token} or {error}. Only card tokens are emulated.
     */
    Stripe.prototype.createToken = async function (element, data) {
        if (typeof element === 'string') {
            throw new IntegrationError('stripe.createToken(): the sandbox\'s Stripe.js creates card tokens only, '
                + 'not \'' + element + '\' tokens.');
        }
        if (!element || !ELEMENTS.has(element) || element._type !== 'card') {
            throw new IntegrationError('stripe.createToken(): the first argument should be a mounted card Element.');
        }
        const invalid = element._validateAll();
        if (invalid) {
            return {error: invalid};
        }
        const card = element._cardDetails();
        const given = data || {};
        TOKEN_DATA.forEach((field) => {
            if (given[field] !== undefined && given[field] !== null && given[field] !== '') {
                card[field] = given[field];
            }
        });
        if (!card.address_zip && element._values.postalCode) {
            card.address_zip = element._values.postalCode;
        }
        const response = await this._call('POST', '/tokens', {card: card});
        return response.error ? {error: response.error} : {token: response.object};
    };

    Stripe.version = 3;
    Stripe.sandbox = {apiBase: API_BASE};
    window.Stripe = Stripe;
})();
