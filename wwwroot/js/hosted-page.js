// The hosted pages' show-password buttons. Listening on the document keeps working after Blazor's enhanced navigation
// swaps the page content without running scripts again.
(() => {
    document.addEventListener('click', event => {
        const button = event.target.closest('[data-show-password]');
        const input = button && document.getElementById(button.dataset.showPassword);
        if (!input) return;
        const shown = input.type === 'password';
        input.type = shown ? 'text' : 'password';
        button.setAttribute('aria-pressed', String(shown));
        button.setAttribute('aria-label', shown ? 'Hide password' : 'Show password');
        button.textContent = shown ? 'Hide' : 'Show';
    });

    // Back to a password field before posting: password managers offer to save what a password field submitted.
    document.addEventListener('submit', event => {
        for (const button of event.target.querySelectorAll('[data-show-password][aria-pressed="true"]')) button.click();
    }, true);
})();
