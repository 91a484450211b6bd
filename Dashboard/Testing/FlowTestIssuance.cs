using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Dashboard.Components.Pages.Flows;
using Flowgate.Dashboard.Oidc;
using Flowgate.Shared.Flows;
using Flowgate.Shared.Triggers;

namespace Flowgate.Dashboard.Testing;

/// <summary>
/// What a flow test's result would mean to the app, as Auth0 would issue it: the end of the transaction (tokens, deny,
/// redirect, MFA), the decoded ID and access token claims built from the event and the Actions' custom claims, the
/// access token's scopes and the metadata writes. Claims the protocol owns are never overridden (<see cref="ActionClaims"/>).
/// </summary>
internal static class FlowTestIssuance
{
    // Auth0's default lifetimes: ID token 10 hours, access token 24 hours.
    private const long IdTokenLifetime = 36_000;
    private const long AccessTokenLifetime = 86_400;

    // Shown as the token would decode: "j+smith@example.com", not "j\u002Bsmith@example.com" (Razor encodes the page).
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static FlowTestOutcome Describe(string triggerId, JsonObject evt, FlowExecutionResult result, IReadOnlyList<FlowTestActionResult> actions, DateTimeOffset now)
    {
        var outcome = result.Outcome;
        var described = new FlowTestOutcome(actions, Verdict(triggerId, result)) { MetadataChanges = Metadata(outcome) };
        if (result.Status is FlowStatus.Failed or FlowStatus.Denied)
            return described;
        var iat = now.ToUnixTimeSeconds();
        var iss = $"https://{Text(evt, "request", "hostname") ?? "localhost"}/";
        var clientId = Text(evt, "client", "client_id") ?? "";
        var audience = Text(evt, "resource_server", "identifier");
        if (triggerId == TriggerId.PostLogin)
        {
            var requested = Strings(evt, "transaction", "requested_scopes");
            var scopes = requested.Union(outcome.ScopesAdded).Except(outcome.ScopesRemoved).ToList();
            var sub = Text(evt, "user", "user_id") ?? "";
            var id = new List<FlowTestClaim> { Plain("iss", iss), Plain("sub", sub), Plain("aud", clientId), Plain("iat", iat), Plain("exp", iat + IdTokenLifetime) };
            if (requested.Contains("profile"))
                id.AddRange(UserClaims(evt, "name", "nickname", "picture", "updated_at"));
            if (requested.Contains("email"))
                id.AddRange(UserClaims(evt, "email", "email_verified"));
            string[] audiences = audience is null ? [$"{iss}userinfo"] : [audience, $"{iss}userinfo"];
            var access = new List<FlowTestClaim>
            {
                Plain("iss", iss), Plain("sub", sub), Plain("aud", audiences), Plain("azp", clientId), Plain("scope", string.Join(' ', scopes)),
                Plain("iat", iat), Plain("exp", iat + AccessTokenLifetime),
            };
            return described with
            {
                IdToken = [.. id, .. Custom(outcome.IdTokenClaims)],
                AccessToken = [.. access, .. Custom(outcome.AccessTokenClaims)],
                Scopes = scopes,
            };
        }
        if (triggerId == TriggerId.CredentialsExchange)
        {
            var scopes = (outcome.TargetScopes ?? Strings(evt, "transaction", "requested_scopes")).Union(outcome.ScopesAdded).Except(outcome.ScopesRemoved).ToList();
            var access = new List<FlowTestClaim>
            {
                Plain("iss", iss), Plain("sub", $"{clientId}@clients"), Plain("aud", audience ?? ""), Plain("azp", clientId),
                Plain("scope", string.Join(' ', scopes)), Plain("gty", "client-credentials"), Plain("iat", iat), Plain("exp", iat + AccessTokenLifetime),
            };
            return described with { AccessToken = [.. access, .. Custom(outcome.AccessTokenClaims)], Scopes = scopes };
        }
        return described;
    }

    private static string Verdict(string triggerId, FlowExecutionResult result)
    {
        var outcome = result.Outcome;
        if (result.Error is not null)
            return $"The flow failed, so the transaction fails: {result.Error.Name}: {result.Error.Message}";
        if (outcome.Denied || result.Status == FlowStatus.Denied)
            return $"Access denied: {outcome.DenyReason ?? outcome.ValidationError?.Message ?? "no reason given"}";
        var issues = triggerId is TriggerId.PostLogin or TriggerId.CredentialsExchange;
        var parts = new List<string>();
        if (outcome.RedirectUrl is not null)
            parts.Add($"Redirect to {outcome.RedirectUrl}, then the flow resumes at /continue");
        if (outcome.Factors is not null)
            parts.Add($"MFA demanded: {outcome.Factors.Method}({outcome.Factors.Arguments.GetRawText()})");
        else if (outcome.MultifactorProvider is not null and not "none")
            parts.Add($"MFA demanded (provider {outcome.MultifactorProvider})");
        parts.Add(issues ? "tokens issued" : $"the flow {result.Status.ToString().ToLowerInvariant()}");
        var verdict = string.Join(", then ", parts);
        return char.ToUpperInvariant(verdict[0]) + verdict[1..];
    }

    private static List<string> Metadata(FlowOutcome outcome) =>
    [
        .. outcome.UserMetadata.Select(m => Change("user_metadata", m.Key, m.Value)),
        .. outcome.AppMetadata.Select(m => Change("app_metadata", m.Key, m.Value)),
    ];

    private static string Change(string document, string key, JsonElement? value) =>
        value is { } set ? $"{document}.{key} = {set.GetRawText()}" : $"{document}.{key} removed";

    private static IEnumerable<FlowTestClaim> Custom(Dictionary<string, JsonElement> claims) =>
        claims.Where(c => ActionClaims.Allowed(c.Key)).Select(c => new FlowTestClaim(c.Key, c.Value.GetRawText(), SetByAction: true));

    private static IEnumerable<FlowTestClaim> UserClaims(JsonObject evt, params string[] names) =>
        names.Where(n => evt["user"]?[n] is not null).Select(n => new FlowTestClaim(n, evt["user"]![n]!.ToJsonString(Readable), SetByAction: false));

    private static FlowTestClaim Plain<T>(string name, T value) => new(name, JsonSerializer.Serialize(value, Readable), SetByAction: false);

    private static string? Text(JsonObject evt, string part, string name) =>
        evt[part]?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static List<string> Strings(JsonObject evt, string part, string name) =>
        evt[part]?[name] is JsonArray array ? [.. array.OfType<JsonValue>().Select(v => v.ToString())] : [];
}
