using static Flowgate.Runtime.Triggers.ApiMethods;

namespace Flowgate.Runtime.Triggers;

/// <summary>The post-login <c>session</c>, <c>refreshToken</c> and <c>samlResponse</c> setters (Enterprise features in Auth0).</summary>
internal static class PostLoginSessionApi
{
    public static IEnumerable<ApiMethod> Methods => Lifetime("session", "session").Concat(Lifetime("refreshToken", "refresh token")).Concat(Saml);

    private static IEnumerable<ApiMethod> Lifetime(string area, string noun) =>
    [
        Call($"{area}.revoke", $"Revoke the {noun} and deny the login.", "void",
            Param("reason", "string", "Why it is revoked."), Optional("options", "{ preserveRefreshTokens?: boolean }", "Keep the refresh tokens of the session.")),
        Call($"{area}.setExpiresAt", $"Set the absolute expiry of the {noun}; the earliest value wins.", "void",
            Param("expiresAt", "number", "Expiry as a timestamp in milliseconds.")),
        Call($"{area}.setIdleExpiresAt", $"Set the idle expiry of the {noun}; the earliest value wins.", "void",
            Param("idleExpiresAt", "number", "Idle expiry as a timestamp in milliseconds.")),
        Call($"{area}.setMetadata", $"Set a metadata key on the {noun} (≤ 25 keys; key and value ≤ 255 characters).", "void",
            Param("key", "string", "The key."), Param("value", "string | null", "The value; `null` removes it.")),
        Call($"{area}.deleteMetadata", $"Delete a metadata key of the {noun}.", "void", Param("key", "string", "The key.")),
        Call($"{area}.evictMetadata", $"Remove all metadata of the {noun}.", "void"),
    ];

    private static IEnumerable<ApiMethod> Saml =>
    [
        Call("session.setCookieMode", "Make the session cookie persistent or not.", "void",
            Param("mode", "'persistent' | 'non-persistent'", "The cookie mode.")),
        Call("samlResponse.setAttribute", "Set (or with `null` remove) an attribute of the SAML assertion.", "void",
            Param("attribute", "string", "The attribute name."), Param("value", "unknown", "The value; `null` removes it.")),
        .. new[]
        {
            ("setAudience", "string", "the audience"), ("setIssuer", "string", "the issuer"), ("setRecipient", "string", "the recipient"),
            ("setDestination", "string", "the destination"), ("setLifetimeInSeconds", "number", "the assertion lifetime (default 3600)"),
            ("setSignResponse", "boolean", "whether the whole response is signed"), ("setNameIdentifierFormat", "string", "the NameID format"),
            ("setNameIdentifierProbes", "string[]", "the claims probed for the NameID"), ("setSignatureAlgorithm", "string", "the signature algorithm"),
            ("setDigestAlgorithm", "string", "the digest algorithm"), ("setCert", "string", "the signing certificate"), ("setKey", "string", "the signing key"),
            ("setEncryptionCert", "string", "the encryption certificate"), ("setEncryptionPublicKey", "string", "the encryption public key"),
            ("setIncludeAttributeNameFormat", "boolean", "whether attributes carry NameFormat"), ("setTypedAttributes", "boolean", "whether attributes are typed"),
            ("setMapUnknownClaimsAsIs", "boolean", "whether unknown claims pass unchanged"), ("setMapIdentities", "boolean", "whether identities are mapped"),
            ("setPassthroughClaimsWithNoMapping", "boolean", "whether unmapped claims pass through"), ("setCreateUpnClaim", "boolean", "whether a UPN claim is created"),
        }.Select(s => Call($"samlResponse.{s.Item1}", $"Set {s.Item3} of the SAML response.", "void", Param("value", s.Item2, $"The new value of {s.Item3}."))),
    ];
}
