using System.Text.Json.Nodes;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Endpoints of Auth0 features Flowgate does not have, which Auth0's Deploy CLI reads by default: they answer as an
/// Auth0 tenant that never used the feature (an empty list, the default settings), so <c>a0deploy export</c> works
/// unchanged. Features whose absence Auth0 itself answers with 404 (email templates and provider, themes, factor
/// providers, risk assessments) stay 404.
/// </summary>
internal static class AbsentFeatureEndpoints
{
    // Lists paged with page/per_page/include_totals: path, scope, the envelope's item name.
    private static readonly (string Path, string Scope, string Items)[] PagedLists =
    [
        ("/rules", "read:rules", "rules"),
        ("/hooks", "read:hooks", "hooks"),
        ("/prompts/rendering", "read:prompts", "configs"),
        ("/actions/modules", "read:actions", "modules"),
        ("/forms", "read:forms", "forms"),
        ("/flows", "read:flows", "flows"),
        ("/flows/vault/connections", "read:flows_vault_connections", "connections"),
        ("/self-service-profiles", "read:self_service_profiles", "self_service_profiles"),
        ("/network-acls", "read:network_acls", "network_acls"),
    ];

    // Lists paged with from/take (checkpoint): path, scope, the item name of the answer.
    private static readonly (string Path, string Scope, string Items)[] CheckpointLists =
    [
        ("/connections-directory-provisionings", "read:directory_provisionings", "directory_provisionings"),
        ("/organizations", "read:organizations", "organizations"),
        ("/user-attribute-profiles", "read:user_attribute_profiles", "user_attribute_profiles"),
        ("/connection-profiles", "read:connection_profiles", "connection_profiles"),
        ("/token-exchange-profiles", "read:token_exchange_profiles", "token_exchange_profiles"),
        ("/rate-limit-policies", "read:rate_limit_policies", "rate_limit_policies"),
        ("/event-streams", "read:event_streams", "eventStreams"),
    ];

    // Bare arrays and settings objects: path, scope, Auth0's answer for a tenant that never set them.
    private static readonly (string Path, string Scope, string Json)[] Fixed =
    [
        ("/rules-configs", "read:rules_configs", "[]"),
        ("/log-streams", "read:log_streams", "[]"),
        ("/custom-domains", "read:custom_domains", "[]"),
        ("/guardian/policies", "read:mfa_policies", "[]"),
        ("/branding/phone/providers", "read:phone_providers", """{"providers":[]}"""),
        ("/branding/phone/templates", "read:phone_templates", """{"templates":[]}"""),
        ("/guardian/factors/phone/selected-provider", "read:guardian_factors", """{"provider":"auth0"}"""),
        ("/guardian/factors/phone/message-types", "read:guardian_factors", """{"message_types":["sms"]}"""),
        ("/tenants/settings", "read:tenant_settings", """{"enabled_locales":["en"],"flags":{},"sandbox_version":"22"}"""),
        ("/prompts/{prompt}/partials", "read:prompts", "{}"),
        ("/risk-assessments/settings", "read:attack_protection", """{"enabled":false}"""),
        ("/risk-assessments/settings/new-device", "read:attack_protection", """{"remember_for":0}"""),
        ("/supplemental-signals", "read:attack_protection", """{"akamai_enabled":false}"""),
        ("/attack-protection/breached-password-detection", "read:attack_protection", """{"enabled":false,"shields":[],"admin_notification_frequency":[],"method":"standard"}"""),
        ("/attack-protection/brute-force-protection", "read:attack_protection", """{"enabled":false,"shields":[],"mode":"count_per_identifier_and_ip","allowlist":[],"max_attempts":10}"""),
        ("/attack-protection/suspicious-ip-throttling", "read:attack_protection", """{"enabled":false,"shields":[],"allowlist":[]}"""),
    ];

    // Features Auth0 answers 403 for on a plan without them; Auth0's tools skip them.
    private static readonly string[] NotOnPlan = ["/attack-protection/bot-detection", "/attack-protection/captcha"];

    // Auth0's own scope, or the tenant settings scope that Flowgate's Management API defines (it has no scopes for absent features).
    private const string Settings = "read:tenant_settings", UpdateSettings = "update:tenant_settings";

    public static void MapAbsentFeatures(this RouteGroupBuilder api)
    {
        foreach (var (path, scope, items) in PagedLists)
            api.MapGet(path, (int? page, int? per_page, bool? include_totals) =>
                ManagementPaging.Result(new Runtime.Actions.ActionPage<object>([], 0, page ?? 0, per_page ?? ManagementPaging.DefaultPerPage), items, include_totals, o => o))
                .RequireScope(scope, Settings);
        foreach (var (path, scope, items) in CheckpointLists)
            api.MapGet(path, () => TypedResults.Ok(new Dictionary<string, object> { [items] = Array.Empty<object>() })).RequireScope(scope, Settings);
        foreach (var path in NotOnPlan)
            api.MapMethods(path, [HttpMethods.Get, HttpMethods.Patch], () =>
                ManagementError.Result(403, $"Flowgate does not have {path}: it is not available on this tenant.", "feature_not_enabled"))
                .RequireScope("read:attack_protection", "update:attack_protection", Settings);
        foreach (var (path, scope, json) in Fixed)
        {
            api.MapGet(path, () => TypedResults.Ok(JsonNode.Parse(json))).RequireScope(scope, Settings);
            api.MapMethods(path, [HttpMethods.Put, HttpMethods.Patch], (JsonNode? body) => Unchanged(path, json, body))
                .RequireScope(scope.Replace("read:", "update:", StringComparison.Ordinal), UpdateSettings);
        }
    }

    // A write that leaves the defaults as they are (what a Deploy CLI import of an exported tenant sends) succeeds and
    // answers them; any other value is refused rather than silently ignored, since Flowgate would not apply it.
    private static IResult Unchanged(string path, string defaultsJson, JsonNode? body)
    {
        var defaults = JsonNode.Parse(defaultsJson);
        if (body is JsonObject given && defaults is JsonObject known)
        {
            var changed = given.Where(p => !JsonNode.DeepEquals(p.Value, known[p.Key])).Select(p => p.Key).ToList();
            if (changed.Count == 0)
                return TypedResults.Ok(defaults);
            return ManagementError.Result(400, $"Flowgate does not have {path} yet: only its defaults are accepted ({string.Join(", ", changed)} differ).", "not_supported");
        }
        return JsonNode.DeepEquals(body, defaults) ? TypedResults.Ok(defaults)
            : ManagementError.Result(400, $"Flowgate does not have {path} yet: only its defaults are accepted.", "not_supported");
    }
}
