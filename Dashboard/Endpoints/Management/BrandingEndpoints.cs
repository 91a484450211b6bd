using System.Text.Json.Nodes;
using Flowgate.Runtime.Branding;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// The hosted pages' branding in Auth0's shape: <c>GET /branding</c> and <c>PATCH /branding</c> with
/// <c>colors.primary</c>, <c>colors.page_background</c>, <c>logo_url</c>, <c>favicon_url</c> and <c>font.url</c>. A property
/// set to null goes back to Flowgate's default; colours must be hex and URLs https (or a path on this server).
/// </summary>
internal static class BrandingEndpoints
{
    private static readonly string[] Properties = ["colors", "logo_url", "favicon_url", "font"];
    private static readonly string[] Colors = ["primary", "page_background"];

    public static void MapBranding(this RouteGroupBuilder api)
    {
        api.MapGet("/branding", GetAsync).RequireScope("read:branding");
        api.MapPatch("/branding", PatchAsync).RequireScope("update:branding");
    }

    private static async Task<IResult> GetAsync(BrandingSettings settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(BrandingSettings.ToJson(await settings.GetAsync(cancellationToken)));

    private static async Task<IResult> PatchAsync(JsonNode? body, BrandingSettings settings, CancellationToken cancellationToken)
    {
        if (body is not JsonObject patch)
            return Invalid("the body must be an object.");
        var current = BrandingSettings.ToJson(await settings.GetAsync(cancellationToken));
        foreach (var (name, value) in patch)
        {
            if (!Properties.Contains(name))
                return Invalid($"Additional properties not allowed: {name}.");
            if (name is "colors" or "font" && Merge(current, name, value, name == "colors" ? Colors : ["url"]) is { } problem)
                return Invalid(problem);
            if (name is "logo_url" or "favicon_url")
            {
                if (value is not null and not JsonValue)
                    return Invalid($"'{name}' must be a string or null.");
                current[name] = value?.DeepClone();
            }
        }
        var branding = Read(current);
        if (branding is null)
            return Invalid("every value must be a string.");
        if (BrandingSettings.Problems(branding).FirstOrDefault() is { } rule)
            return Invalid(rule);
        await settings.SetAsync(branding, cancellationToken);
        return TypedResults.Ok(BrandingSettings.ToJson(branding));
    }

    // colors and font are merged property by property, as Auth0 does; null removes the whole object.
    private static string? Merge(JsonObject current, string name, JsonNode? value, string[] allowed)
    {
        if (value is null)
        {
            current.Remove(name);
            return null;
        }
        if (value is not JsonObject given)
            return $"'{name}' must be an object.";
        var target = current[name] as JsonObject ?? [];
        current[name] = target;
        foreach (var (key, inner) in given)
        {
            if (!allowed.Contains(key))
                return $"Additional properties not allowed: {name}.{key}.";
            if (inner is not null and not JsonValue)
                return $"'{name}.{key}' must be a string or null (Flowgate's page background is one hex colour, not a gradient).";
            target[key] = inner?.DeepClone();
        }
        return null;
    }

    // Null when a value is not a string (a number or boolean where a colour or URL belongs).
    private static TenantBranding? Read(JsonObject json)
    {
        foreach (var node in new[] { json["colors"]?["primary"], json["colors"]?["page_background"], json["logo_url"], json["favicon_url"], json["font"]?["url"] })
            if (node is JsonValue value && !value.TryGetValue<string>(out _))
                return null;
        return BrandingSettings.FromJson(json);
    }

    private static IResult Invalid(string reason) => ManagementError.Result(400, "Payload validation error: " + reason, "invalid_body");
}
