using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>The browser's <c>clientDataJSON</c>: what ceremony, for which challenge, from which origin (WebAuthn §5.8.1).</summary>
internal sealed record ClientData(string Type, byte[] Challenge, string Origin, bool CrossOrigin)
{
    public const string Create = "webauthn.create";
    public const string Get = "webauthn.get";

    public static ClientData Parse(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new ClientData(
                root.GetProperty("type").GetString() ?? "",
                Base64Url.DecodeFromChars(root.GetProperty("challenge").GetString()),
                root.GetProperty("origin").GetString() ?? "",
                root.TryGetProperty("crossOrigin", out var cross) && cross.ValueKind == JsonValueKind.True);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new WebAuthnException(WebAuthnRefusal.Malformed, "clientDataJSON is not valid.");
        }
    }

    /// <summary>Checks the ceremony type, the challenge (in fixed time) and the origin.</summary>
    public void Check(string type, ReadOnlySpan<byte> challenge, RelyingParty rp)
    {
        if (Type != type)
            throw new WebAuthnException(WebAuthnRefusal.WrongType, $"clientDataJSON type is '{Type}', expected '{type}'.");
        if (!CryptographicOperations.FixedTimeEquals(Challenge, challenge))
            throw new WebAuthnException(WebAuthnRefusal.WrongChallenge, "The challenge does not match the one issued.");
        // An iframe on another site must not answer for this one.
        if (!rp.Origins.Contains(Origin, StringComparer.Ordinal) || CrossOrigin)
            throw new WebAuthnException(WebAuthnRefusal.WrongOrigin, $"The origin '{Origin}' is not allowed.");
    }
}
