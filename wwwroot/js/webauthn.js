// The hosted pages' WebAuthn ceremonies. A button with data-webauthn="create" or "get" carries the server's
// options (binary values in base64url); the browser's answer goes into its form's hidden field and the form is
// posted as usual (antiforgery token included). Listening on the document keeps working after Blazor's
// enhanced navigation swaps the page content without running scripts again.
(() => {
    const toBytes = s => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
    const toText = b => btoa(String.fromCharCode(...new Uint8Array(b))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const credentials = list => (list || []).map(c => ({ ...c, id: toBytes(c.id) }));

    function publicKey(kind, options) {
        options.challenge = toBytes(options.challenge);
        if (kind === 'create') {
            options.user.id = toBytes(options.user.id);
            options.excludeCredentials = credentials(options.excludeCredentials);
        } else {
            options.allowCredentials = credentials(options.allowCredentials);
        }
        return options;
    }

    function answer(credential) {
        const r = credential.response;
        const response = { clientDataJSON: toText(r.clientDataJSON) };
        if (r.attestationObject) {
            response.attestationObject = toText(r.attestationObject);
            response.transports = r.getTransports ? r.getTransports() : [];
        } else {
            response.authenticatorData = toText(r.authenticatorData);
            response.signature = toText(r.signature);
            if (r.userHandle) response.userHandle = toText(r.userHandle);
        }
        return JSON.stringify({
            id: credential.id, rawId: toText(credential.rawId), type: credential.type,
            authenticatorAttachment: credential.authenticatorAttachment, response,
            // Extension outputs (credProps at registration) for the server's checks.
            clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
        });
    }

    document.addEventListener('click', async event => {
        const button = event.target.closest('[data-webauthn]');
        if (!button) return;
        event.preventDefault();
        const form = button.closest('form');
        const error = form.querySelector('[data-webauthn-error]');
        error.hidden = true;
        if (!window.PublicKeyCredential) {
            error.textContent = 'This browser does not support security keys or passkeys.';
            error.hidden = false;
            return;
        }
        const kind = button.dataset.webauthn;
        try {
            button.disabled = true;
            const options = publicKey(kind, JSON.parse(button.dataset.webauthnOptions));
            const credential = await navigator.credentials[kind]({ publicKey: options });
            form.querySelector('[data-webauthn-response]').value = answer(credential);
            form.submit();
        } catch (e) {
            // NotAllowedError: the user cancelled or the time ran out; the page stays, so they can try again.
            error.textContent = e.name === 'NotAllowedError' ? 'The request was cancelled or timed out. Try again.'
                : e.name === 'InvalidStateError' ? 'This authenticator is already registered.' : 'Your authenticator could not be used: ' + e.message;
            error.hidden = false;
            button.disabled = false;
        }
    });
})();
