using System.Buffers.Text;
using System.Text.Json;
using Fido2NetLib;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>
/// The browser's <c>PublicKeyCredential</c> as the hosted pages' script posts it (the shape of its <c>toJSON()</c>:
/// binary fields in base64url), for registration or assertion. Only what Flowgate needs before the library's checks
/// is read here: the credential id, the origin (for the logs), and the challenge the browser says it answered (redeemed first, see
/// <see cref="WebAuthnChallenges"/>). The rest is Fido2's to read and check.
/// </summary>
public sealed record CredentialResponse(string Id, byte[] Challenge, string Origin, byte[]? UserHandle, IReadOnlyList<string> Transports, string Json)
{
    private const int MaxLength = 64 * 1024;

    /// <summary>Reads the posted JSON; null when it is not a credential at all.</summary>
    public static CredentialResponse? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > MaxLength)
            return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var response = document.RootElement.GetProperty("response");
            if (Bytes(document.RootElement, "rawId") is not { Length: > 0 } rawId || Bytes(response, "clientDataJSON") is not { } clientData)
                return null;
            using var client = JsonDocument.Parse(clientData);
            return new CredentialResponse(
                Base64Url.EncodeToString(rawId), Base64Url.DecodeFromChars(client.RootElement.GetProperty("challenge").GetString()),
                client.RootElement.TryGetProperty("origin", out var origin) ? origin.GetString() ?? "" : "",
                Bytes(response, "userHandle"),
                response.TryGetProperty("transports", out var t) && t.ValueKind == JsonValueKind.Array
                    ? [.. t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).Take(8)]
                    : [],
                json);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The answer to <c>navigator.credentials.create()</c>, for Fido2; throws <see cref="JsonException"/> when it is not one.</summary>
    internal AuthenticatorAttestationRawResponse Attestation() =>
        JsonSerializer.Deserialize<AuthenticatorAttestationRawResponse>(Json) ?? throw new JsonException("No credential.");

    /// <summary>The answer to <c>navigator.credentials.get()</c>, for Fido2; throws <see cref="JsonException"/> when it is not one.</summary>
    internal AuthenticatorAssertionRawResponse Assertion() =>
        JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(Json) ?? throw new JsonException("No credential.");

    private static byte[]? Bytes(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Base64Url.DecodeFromChars(value.GetString()) : null;
}
