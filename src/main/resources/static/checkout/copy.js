// A "Copy" button (data-copy: the selector of the field to copy) puts the field's text on the clipboard.
(function () {
    'use strict';

    document.querySelectorAll('[data-copy]').forEach((button) => {
        button.addEventListener('click', async () => {
            const field = document.querySelector(button.dataset.copy);
            const status = document.getElementById('copy-status');
            try {
                await navigator.clipboard.writeText(field.value);
            } catch (e) {
                field.select();
                document.execCommand('copy');
            }
            if (status) {
                status.textContent = button.dataset.copied;
            }
        });
    });
})();
