using System.Buffers.Text;
using System.Text.Json;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>
/// The browser's <c>PublicKeyCredential</c> as the hosted pages' script posts it (the shape of its
/// <c>toJSON()</c>: binary fields in base64url), for registration or assertion.
/// </summary>
public sealed record CredentialResponse(
    string Id, byte[] ClientDataJson, byte[]? AttestationObject, byte[]? AuthenticatorData, byte[]? Signature, byte[]? UserHandle,
    IReadOnlyList<string> Transports)
{
    /// <summary>The challenge the browser says it answered (checked later, with everything else).</summary>
    public byte[] Challenge => ClientData.Parse(ClientDataJson).Challenge;

    /// <summary>Reads the posted JSON; null when it is not a credential at all.</summary>
    public static CredentialResponse? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > 64 * 1024)
            return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var response = root.GetProperty("response");
            if (Bytes(root, "rawId") is not { Length: > 0 } rawId || Bytes(response, "clientDataJSON") is not { } clientData)
                return null;
            return new CredentialResponse(
                Base64Url.EncodeToString(rawId), clientData, Bytes(response, "attestationObject"),
                Bytes(response, "authenticatorData"), Bytes(response, "signature"), Bytes(response, "userHandle"),
                response.TryGetProperty("transports", out var t) && t.ValueKind == JsonValueKind.Array
                    ? [.. t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).Take(8)]
                    : []);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static byte[]? Bytes(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Base64Url.DecodeFromChars(value.GetString()) : null;
}
