namespace Flowgate.Runtime.Applications;

/// <summary>The algorithms an API's access tokens can be signed with (Auth0's <c>signing_alg</c>).</summary>
public static class SigningAlgorithms
{
    /// <summary>The tenant's RSA keys, published in the JWKS: the default.</summary>
    public const string RS256 = "RS256";
    /// <summary>HMAC-SHA256 with the API's own secret, which the API shares.</summary>
    public const string HS256 = "HS256";

    /// <summary>Whether Flowgate signs with this algorithm.</summary>
    public static bool IsKnown(string alg) => alg is RS256 or HS256;
}
