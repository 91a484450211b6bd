using Flowgate.Runtime.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Flowgate.Dashboard.Oidc;

/// <summary>Gives OpenIddict the persisted RSA keys (never the development certificate), read once when its options are built.</summary>
internal sealed class ServerKeysSetup(ServerKeyRing keys) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        foreach (var key in keys.GetOrCreate(ServerKeyUse.Signing))
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        foreach (var key in keys.GetOrCreate(ServerKeyUse.Encryption))
            options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
