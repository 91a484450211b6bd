namespace Flowgate.Dashboard.Oidc;

/// <summary>The <c>Oidc</c> section: how the OpenID Connect server presents itself.</summary>
public sealed class OidcOptions
{
    public const string Section = "Oidc";

    /// <summary>The issuer (e.g. <c>https://login.example.com/</c>). Empty: the address the request came to.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>
    /// Refuse plain HTTP on the protocol endpoints. Null means: required outside Development, so
    /// <c>dotnet run</c> works on http://localhost:5000 while a production host insists on TLS.
    /// </summary>
    public bool? RequireHttps { get; set; }
}
