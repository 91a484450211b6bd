using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// A claim holding any JSON value, typed so it leaves in the token as that value (Auth0 keeps the JSON an Action set):
/// strings, booleans and numbers as themselves, arrays (even of one element or none), objects, and null.
/// </summary>
internal static class JsonClaims
{
    /// <summary>The claim for <paramref name="value"/>; arrays and null are written by <see cref="JsonClaimTokens"/>.</summary>
    public static Claim Create(string type, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => new Claim(type, value.GetString()!),
        JsonValueKind.True or JsonValueKind.False => new Claim(type, value.GetRawText(), ClaimValueTypes.Boolean),
        JsonValueKind.Number when value.TryGetInt64(out _) => new Claim(type, value.GetRawText(), ClaimValueTypes.Integer64),
        JsonValueKind.Number => new Claim(type, value.GetRawText(), ClaimValueTypes.Double),
        JsonValueKind.Array => new Claim(type, value.GetRawText(), JsonClaimValueTypes.JsonArray),
        JsonValueKind.Object => new Claim(type, value.GetRawText(), JsonClaimValueTypes.Json),
        _ => new Claim(type, "null", JsonClaimValueTypes.JsonNull),
    };

    /// <summary>Whether the token library would write this claim differently from its JSON (an array of one, an empty one, null).</summary>
    public static bool NeedsJson(Claim claim) => claim.ValueType is JsonClaimValueTypes.JsonArray or JsonClaimValueTypes.JsonNull;

    /// <summary>The JSON value a claim stands for (null for JSON null).</summary>
    public static JsonElement? Value(Claim claim) => claim.ValueType switch
    {
        JsonClaimValueTypes.JsonNull => null,
        ClaimValueTypes.String => JsonSerializer.SerializeToElement(claim.Value),
        ClaimValueTypes.Boolean => JsonSerializer.SerializeToElement(bool.Parse(claim.Value)),
        _ => JsonDocument.Parse(claim.Value).RootElement.Clone(),
    };
}
