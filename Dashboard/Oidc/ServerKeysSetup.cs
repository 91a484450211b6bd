using System.Security.Cryptography;
using System.Text;
using Flowgate.Runtime.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// Gives OpenIddict the persisted keys (never the development certificate), read once when its options are built: the
/// RSA keys, and keys derived from the internal secret for the tokens only this server reads back.
/// </summary>
/// <remarks>
/// Authorization codes and refresh tokens come back only to this server (any of its instances), so RSA buys them
/// nothing: signing one and decrypting it (RSA-OAEP) were two private-key operations per login, about 0.7 ms of CPU.
/// OpenIddict prefers symmetric keys for every token but the ID token; <see cref="TokenSigningCredentials"/> keeps every
/// token that leaves the server (access tokens above all) on the RSA key its readers verify from the JWKS, which
/// never lists a symmetric key.
/// </remarks>
internal sealed class ServerKeysSetup(ServerKeyRing keys) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        foreach (var key in keys.GetOrCreate(ServerKeyUse.Signing))
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        foreach (var key in keys.GetOrCreate(ServerKeyUse.Encryption))
            options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        // One secret, two keys: HMAC and AES key wrap never share key material.
        foreach (var secret in keys.GetOrCreateInternal())
        {
            options.SigningCredentials.Add(new SigningCredentials(Derive(secret, "sig"), SecurityAlgorithms.HmacSha256));
            options.EncryptionCredentials.Add(new EncryptingCredentials(Derive(secret, "enc"), SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }

    private static SymmetricSecurityKey Derive(InternalSecret secret, string use) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.Secret, 32, info: Encoding.ASCII.GetBytes("flowgate-tokens-" + use)))
        {
            KeyId = $"{secret.Id}-{use}",
        };
}
