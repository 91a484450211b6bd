using static Flowgate.Runtime.Triggers.ApiMethods;

namespace Flowgate.Runtime.Triggers;

/// <summary>The post-login (v3) <c>api</c> surface, reference §1.2.</summary>
internal static class PostLoginApi
{
    private const string Factor = "FactorSelector";

    public static IReadOnlyList<ApiMethod> Methods { get; } =
    [
        Call("access.deny", "Mark the login as denied. The application receives `error=access_denied` with the reason; later Actions do not run. Metadata writes are still applied.",
            Api, Param("reason", "string", "The error description sent to the application.")),
        Call("accessToken.setCustomClaim", "Set a custom claim on the access token. Use a namespaced URI as the name.",
            Api, Param("name", "string", "The claim name."), Param("value", "unknown", "The claim value.")),
        Call("accessToken.addScope", "Add a scope to the access token. Throws on an invalid scope.", "void",
            Param("scope", "string", "The scope to add.")) with { Guard = ScopeGuard },
        Call("accessToken.removeScope", "Remove a scope from the access token. Throws on an invalid scope.", "void",
            Param("scope", "string", "The scope to remove.")) with { Guard = ScopeGuard },
        Call("idToken.setCustomClaim", "Set a custom claim on the ID token. Use a namespaced URI; standard claims cannot be changed.",
            Api, Param("name", "string", "The claim name."), Param("value", "unknown", "The claim value.")),
        Call("multifactor.enable", "Require multifactor authentication for this login. The challenge happens at the end of the flow.",
            Api, Param("provider", "'any' | 'guardian' | 'google-authenticator' | 'duo' | 'none'", "The MFA provider; `none` skips MFA."),
            Optional("options", "MultifactorEnableOptions", "`allowRememberBrowser` (default false) and Duo `providerOptions`."))
            with { Guard = "if (!['any', 'guardian', 'google-authenticator', 'duo', 'none'].includes(provider)) throw new TypeError('Unknown MFA provider: ' + provider);" },
        Call("authentication.challengeWith", "Challenge the user with a factor once this Action finishes; later Actions wait for the challenge. Factors not enrolled are ignored.",
            "void", Param("factor", Factor, "The default factor, e.g. `{ type: 'otp' }`."),
            Optional("options", "{ additionalFactors?: FactorSelector[] }", "Other factors the user may pick instead.")) with { Guard = FactorGuard("factor") },
        Call("authentication.challengeWithAny", "Show the factor picker with these factors (or challenge directly when only one is usable).",
            "void", Param("factors", $"{Factor}[]", "The factors to offer.")) with { Guard = FactorsGuard },
        Call("authentication.enrollWith", "Enroll the user in a factor once this Action finishes.",
            "void", Param("factor", Factor, "The factor to enroll, e.g. `{ type: 'webauthn-roaming' }`."),
            Optional("options", "{ additionalFactors?: FactorSelector[] }", "Other factors the user may pick instead.")) with { Guard = FactorGuard("factor") },
        Call("authentication.enrollWithAny", "Let the user pick one of these factors to enroll in.",
            "void", Param("factors", $"{Factor}[]", "The factors to offer.")) with { Guard = FactorsGuard },
        Call("authentication.recordMethod", "Record a custom authentication method in `event.authentication.methods` for the session. Only allowed in `onContinuePostLogin`.",
            Api, Param("providerUrl", "string", "A URL naming the method."))
            with { Guard = "if (!ctx.isContinue) throw new Error('api.authentication.recordMethod() can only be used in onContinuePostLogin');" + RequireString("providerUrl") },
        Call("authentication.setPrimaryUser", "Switch the primary user of the login to the given user (once per transaction; the current identity must be linked to it).",
            "void", Param("primaryUserId", "string", "The user_id of the primary user (≤ 128 characters)."))
            with { Guard = RequireString("primaryUserId") + "if (primaryUserId.length > 128) throw new RangeError('primaryUserId must be at most 128 characters');" },
        Call("redirect.sendUserTo", "Send the user to a URL after this Action finishes. The flow resumes at `/continue?state=...` with `onContinuePostLogin` of this Action.",
            Api, Param("url", "string", "Where to send the user."), Optional("options", "{ query?: Record<string, string> }", "Query parameters to add."))
            with { Guard = RequireString("url") + "if (ctx.rendered) throw new Error('api.redirect.sendUserTo() cannot be used with api.prompt.render() in the same Action'); ctx.redirected = true;" },
        Call("redirect.encodeToken", "Create an HS256-signed (not encrypted) session token to pass to the redirect target. Claims: `iat`, `iss`, `sub`, `exp`, `ip` and the payload.",
            "string", Param("options", "{ secret: string; payload: Record<string, unknown>; expiresInSeconds?: number }", "The shared secret, the payload, and the lifetime (default 900 s)."))
            with { Records = false, Result = "ctx.tokens.encode(options)" },
        Call("redirect.validateToken", "Read and verify the session token sent back to `/continue` (signature, `exp`, `iss`, `sub` and `state`); throws when it is invalid.",
            "Record<string, unknown>", Param("options", "{ secret: string; tokenParameterName?: string }", "The shared secret and the parameter name (default `session_token`)."))
            with { Records = false, Result = "ctx.tokens.validate(options)" },
        Call("redirect.canRedirect", "Whether the current transaction can redirect (not for `prompt=none`, ROPG or refresh tokens). Deprecated.", "boolean")
            with { Records = false, Result = "ctx.canRedirect()" },
        .. UserMetadata,
        Call("transaction.setMetadata", "Store transaction metadata, visible at once in `event.transaction.metadata` and to later post-login Actions (key ≤ 64 characters; values are strings, safe integers or booleans).",
            "void", Param("key", "string", "The metadata key."), Param("value", "string | number | boolean | null", "The value; `null` removes the key."))
            with { Guard = "ctx.setTransactionMetadata(key, value);" },
        ValidationError,
        .. Cache,
        .. PostLoginSessionApi.Methods,
        Call("prompt.render", "Render a custom prompt (form) once this Action finishes; one render per Action.", "void",
            Param("promptId", "string", "The prompt (form) id."), Optional("options", "{ fields?: Record<string, unknown>; vars?: Record<string, unknown> }", "Pre-filled fields and variables."))
            with { Guard = RequireString("promptId") + "if (ctx.redirected) throw new Error('api.prompt.render() cannot be used with api.redirect.sendUserTo() in the same Action'); if (ctx.rendered) throw new Error('api.prompt.render() can be called once per Action'); ctx.rendered = true;" },
        Call("rules.wasExecuted", "Whether a Rule with this id ran in the current transaction. Flowgate has no Rules, so always false.", "boolean",
            Param("ruleId", "string", "The Rule id.")) with { Records = false, Result = "false" },
    ];

    private const string ScopeGuard =
        "if (typeof scope !== 'string' || scope.length === 0 || /\\s/.test(scope)) throw new TypeError('Invalid scope: ' + String(scope));";

    private const string FactorsGuard =
        "if (!Array.isArray(factors) || factors.length === 0) throw new TypeError('factors must be a non-empty array'); factors.forEach(f => ctx.checkFactor(f));";

    private static string FactorGuard(string name) =>
        $"ctx.checkFactor({name}); ((options && options.additionalFactors) || []).forEach(f => ctx.checkFactor(f));";
}
