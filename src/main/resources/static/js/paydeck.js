// Sends the CSRF token with every htmx request, so htmx forms work with Spring Security's CSRF protection.
document.addEventListener('htmx:configRequest', (event) => {
    const token = document.querySelector('meta[name="csrf-token"]');
    const header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// A button with data-copy="#field" copies that field's value (an API key shown once, an address) and says so.
document.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-copy]');
    if (!button) {
        return;
    }
    const field = document.querySelector(button.dataset.copy);
    if (!field) {
        return;
    }
    field.select();
    try {
        await navigator.clipboard.writeText(field.value);
    } catch (e) {
        document.execCommand('copy');
    }
    if (button.dataset.copied) {
        button.textContent = button.dataset.copied;
    }
});

// A dialog the server asks to show open (a form sent back with messages at its fields, or a step to confirm).
document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('.modal[data-pd-open="true"]').forEach((dialog) => {
        if (window.bootstrap) {
            window.bootstrap.Modal.getOrCreateInstance(dialog).show();
        }
    });
});
