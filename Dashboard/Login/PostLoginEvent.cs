using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using OpenIddict.Abstractions;

namespace Flowgate.Dashboard.Login;

/// <summary>The post-login <c>event</c> for a real login, in Auth0's shape (reference §1.2).</summary>
internal static class PostLoginEvent
{
    /// <summary>Auth0's <c>event.transaction.protocol</c> for a login at <c>/authorize</c> (code flow).</summary>
    public const string AuthorizeProtocol = "oidc-basic-profile";

    /// <summary>Auth0's <c>event.transaction.protocol</c> when a refresh token is exchanged.</summary>
    public const string RefreshProtocol = "oauth2-refresh-token";

    /// <param name="methods">How the user logged in (<c>pwd</c> or <c>passkey</c>, then <c>mfa</c> on a refresh after a factor), and when.</param>
    /// <param name="connection"><c>event.connection</c>: the one the session logged in with; the database connection when null.</param>
    /// <param name="scopes">The scopes asked for: the request's at <c>/authorize</c>, the granted ones on refresh.</param>
    public static string Build(HttpContext context, OpenIddictRequest request, TenantUser user, IReadOnlyList<string> roles, string? clientName, string? audience,
        IReadOnlyList<string> enrolledFactors, IReadOnlyList<AuthenticationMethod> methods, string protocol = AuthorizeProtocol, IEnumerable<string>? scopes = null,
        IReadOnlyDictionary<string, string>? clientMetadata = null, JsonObject? session = null, JsonObject? connection = null)
    {
        var refresh = protocol == RefreshProtocol;
        var root = new JsonObject
        {
            ["user"] = EventParts.User(user),
            ["client"] = EventParts.Client(request.ClientId, clientName, clientMetadata),
            ["connection"] = connection ?? EventParts.Connection(),
            ["request"] = EventParts.Request(context),
            ["tenant"] = EventParts.Tenant(),
            ["stats"] = new JsonObject { ["logins_count"] = user.LoginsCount },
            ["authorization"] = new JsonObject { ["roles"] = JsonSerializer.SerializeToNode(roles) },
            ["authentication"] = new JsonObject
            {
                ["methods"] = new JsonArray([.. methods.Select(m => (JsonNode)new JsonObject { ["name"] = m.Name, ["timestamp"] = m.Timestamp.ToString("O") })]),
            },
            ["transaction"] = new JsonObject
            {
                ["protocol"] = protocol,
                ["requested_scopes"] = JsonSerializer.SerializeToNode((scopes ?? request.GetScopes()).ToArray()),
                ["redirect_uri"] = request.RedirectUri,
                ["state"] = request.State,
                ["response_type"] = refresh ? new JsonArray() : new JsonArray("code"),
                ["response_mode"] = refresh ? null : request.ResponseMode ?? "query",
                ["locale"] = Locale(context, request),
                ["ui_locales"] = JsonSerializer.SerializeToNode(Words(request.UiLocales)),
                ["acr_values"] = JsonSerializer.SerializeToNode(Words(request.AcrValues)),
                ["prompt"] = JsonSerializer.SerializeToNode(Words(request.Prompt)),
                ["login_hint"] = request.LoginHint,
                ["metadata"] = new JsonObject(),
            },
        };
        if (session is not null)
            root["session"] = session;
        // Always present, as in the trigger's sample event, so `enrolledFactors.some(...)` needs no guard.
        var eventUser = root["user"]!.AsObject();
        eventUser["enrolledFactors"] = new JsonArray([.. enrolledFactors.Select(Factor)]);
        // Auth0's legacy list of MFA providers: an authenticator app shows as google-authenticator, a phone as guardian.
        eventUser["multifactor"] = new JsonArray([..
            enrolledFactors.Contains(Runtime.Mfa.MfaEnrollment.Otp) ? [(JsonNode)"google-authenticator"] : Array.Empty<JsonNode>(),
            .. enrolledFactors.Contains(Runtime.Mfa.MfaEnrollment.Phone) ? [(JsonNode)"guardian"] : Array.Empty<JsonNode>()]);
        if (audience is not null)
            root["resource_server"] = new JsonObject { ["identifier"] = audience };
        return root.ToJsonString();
    }

    // Auth0 picks the transaction's locale from ui_locales, then the browser's languages, then the tenant's default.
    private static string Locale(HttpContext context, OpenIddictRequest request)
    {
        var browser = context.Request.Headers.AcceptLanguage.ToString().Split(',')[0].Split(';')[0].Trim();
        return Words(request.UiLocales).FirstOrDefault() ?? (browser.Length > 0 ? browser : "en");
    }

    private static string[] Words(string? value) => value?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    // A phone says how it receives codes, as Auth0's factor selector does; the number itself stays out of the event.
    private static JsonNode Factor(string type) => type == Runtime.Mfa.MfaEnrollment.Phone
        ? new JsonObject { ["type"] = type, ["options"] = new JsonObject { ["preferredMethod"] = "sms" } }
        : new JsonObject { ["type"] = type };
}
