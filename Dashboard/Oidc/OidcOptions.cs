namespace Flowgate.Dashboard.Oidc;

/// <summary>The <c>Oidc</c> section: how the OpenID Connect server presents itself.</summary>
public sealed class OidcOptions
{
    public const string Section = "Oidc";

    public const string IssuerRequired =
        "Oidc:Issuer is required in Production (e.g. Oidc__Issuer=https://login.example.com/): mailed links, tokens, "
        + "discovery and the Management API audience are built from it, never from a request's Host header.";

    /// <summary>
    /// The issuer (e.g. <c>https://login.example.com/</c>). Required in Production; elsewhere, empty means the first
    /// address the server listens on (<c>http://localhost:5000/</c> by default). Never the request's Host.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>
    /// Refuse plain HTTP on the protocol endpoints. Null means: required outside Development, so
    /// <c>dotnet run</c> works on http://localhost:5000 while a production host insists on TLS.
    /// </summary>
    public bool? RequireHttps { get; set; }
}
