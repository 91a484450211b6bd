using System.Buffers.Text;
using System.Text.Json.Nodes;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>
/// The options the hosted pages hand to <c>navigator.credentials.create()</c> / <c>get()</c>, as JSON with binary
/// values in base64url (the page's script decodes them).
/// </summary>
/// <remarks>
/// webauthn-platform enrolments are made discoverable with user verification (residentKey and userVerification
/// 'required'): the device's built-in authenticator then holds a passkey that also signs the user in without a
/// password ("Sign in with a passkey"). Security keys (webauthn-roaming) stay second factors: no resident key
/// (their storage is small), user verification only preferred.
/// </remarks>
public static class CeremonyOptions
{
    private const int TimeoutMs = 300_000;

    public static string Creation(RelyingParty rp, string userHandle, string userName, string type, byte[] challenge, IEnumerable<MfaEnrollment> existing)
    {
        var platform = type == MfaEnrollment.WebAuthnPlatform;
        return new JsonObject
        {
            ["rp"] = new JsonObject { ["id"] = rp.Id, ["name"] = rp.Name },
            ["user"] = new JsonObject { ["id"] = userHandle, ["name"] = userName, ["displayName"] = userName },
            ["challenge"] = Base64Url.EncodeToString(challenge),
            ["pubKeyCredParams"] = new JsonArray(Algorithm(CoseKey.ES256), Algorithm(CoseKey.RS256)),
            ["timeout"] = TimeoutMs,
            ["attestation"] = "none",
            ["authenticatorSelection"] = new JsonObject
            {
                ["authenticatorAttachment"] = platform ? "platform" : "cross-platform",
                ["residentKey"] = platform ? "required" : "discouraged",
                ["requireResidentKey"] = platform,
                ["userVerification"] = platform ? "required" : "preferred",
            },
            // The same authenticator twice would be no second factor, and a platform authenticator keeps one passkey per user.
            ["excludeCredentials"] = Descriptors(existing),
        }.ToJsonString();
    }

    /// <summary>For a factor challenge (<paramref name="allowed"/> are the user's credentials) or, with none, a passkey sign-in.</summary>
    public static string Request(RelyingParty rp, byte[] challenge, IEnumerable<MfaEnrollment> allowed, bool requireUserVerification) => new JsonObject
    {
        ["challenge"] = Base64Url.EncodeToString(challenge),
        ["rpId"] = rp.Id,
        ["timeout"] = TimeoutMs,
        ["userVerification"] = requireUserVerification ? "required" : "preferred",
        ["allowCredentials"] = Descriptors(allowed),
    }.ToJsonString();

    private static JsonObject Algorithm(int alg) => new() { ["type"] = "public-key", ["alg"] = alg };

    private static JsonArray Descriptors(IEnumerable<MfaEnrollment> credentials) =>
        [.. credentials.Where(c => c.CredentialId is not null).Select(c => (JsonNode)new JsonObject
        {
            ["type"] = "public-key",
            ["id"] = c.CredentialId,
            ["transports"] = new JsonArray([.. (c.Transports ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => (JsonNode)t)]),
        })];
}
