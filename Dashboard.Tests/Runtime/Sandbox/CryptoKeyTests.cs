using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Flowgate.Runtime.Sandbox;

namespace Flowgate.Tests.Runtime.Sandbox;

/// <summary>
/// Node's key API (createPublicKey, createPrivateKey, createSign, createVerify), which jsonwebtoken and jws build on:
/// signatures made in the sandbox check out in .NET, and the other way round.
/// </summary>
public sealed class CryptoKeyTests : IAsyncLifetime
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes("header.payload");
    private readonly V8ActionSandbox _sandbox = new();
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private async Task<JsonElement> RunAsync(string body, Dictionary<string, string> secrets)
    {
        var code = $$"""
            const crypto = require('crypto');
            exports.onExecutePostLogin = async (event, api) => { const s = event.secrets; {{body}} };
            """;
        var result = await _sandbox.ExecuteAsync(ActionRequests.PostLogin(code, secrets: secrets), CancellationToken.None);
        Assert.True(result.Error is null, result.Error?.Message);
        return JsonDocument.Parse(result.Commands.Single().Args()).RootElement[1];
    }

    [Fact]
    public async Task Signatures_made_in_the_sandbox_verify_in_dotnet()
    {
        var signed = await RunAsync("""
            const sign = (alg, key) => crypto.createSign(alg).update('header.payload').sign(key, 'base64');
            api.idToken.setCustomClaim('sig', [
              sign('RSA-SHA256', s.RSA),
              sign('RSA-SHA256', { key: crypto.createPrivateKey(s.RSA), padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST }),
              sign('RSA-SHA256', s.EC),
              crypto.sign('sha256', Buffer.from('header.payload'), { key: s.EC, dsaEncoding: 'ieee-p1363' }).toString('base64'),
            ]);
            """, Keys());

        var signatures = signed.EnumerateArray().Select(e => Convert.FromBase64String(e.GetString()!)).ToArray();
        Assert.True(_rsa.VerifyData(Data, signatures[0], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), "RS256");
        Assert.True(_rsa.VerifyData(Data, signatures[1], HashAlgorithmName.SHA256, RSASignaturePadding.Pss), "PS256");
        Assert.True(_ec.VerifyData(Data, signatures[2], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), "ES256, DER as Node signs");
        Assert.True(_ec.VerifyData(Data, signatures[3], HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), "ES256, P1363");
    }

    [Fact]
    public async Task Dotnet_signatures_verify_in_the_sandbox_from_spki_a_certificate_or_a_jwk_and_a_wrong_one_does_not()
    {
        using var certificate = new CertificateRequest("CN=signer", _rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var parameters = _ec.ExportParameters(false);
        var secrets = new Dictionary<string, string>(Keys())
        {
            ["RSA_SIG"] = Convert.ToBase64String(_rsa.SignData(Data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            ["EC_SIG"] = Convert.ToBase64String(_ec.SignData(Data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)),
            ["RSA_PUBLIC"] = _rsa.ExportSubjectPublicKeyInfoPem(),
            ["CERT"] = certificate.ExportCertificatePem(),
            ["EC_JWK"] = JsonSerializer.Serialize(new { kty = "EC", crv = "P-256", x = Base64Url.EncodeToString(parameters.Q.X), y = Base64Url.EncodeToString(parameters.Q.Y) }),
        };

        var checks = await RunAsync("""
            const verify = (key, sig) => crypto.createVerify('RSA-SHA256').update('header.payload').verify(key, sig, 'base64');
            const jwk = crypto.createPublicKey({ key: JSON.parse(s.EC_JWK), format: 'jwk' });
            const rsa = crypto.createPublicKey(s.RSA_PUBLIC);
            api.idToken.setCustomClaim('checks', [
              verify(s.RSA_PUBLIC, s.RSA_SIG), verify(s.CERT, s.RSA_SIG), verify(jwk, s.EC_SIG), verify(crypto.createPublicKey(s.RSA), s.RSA_SIG),
              verify(jwk, s.RSA_SIG), crypto.createVerify('sha256').update('tampered').verify(rsa, s.RSA_SIG, 'base64'),
              [rsa.type, rsa.asymmetricKeyType, rsa.asymmetricKeyDetails.modulusLength], [jwk.asymmetricKeyType, jwk.asymmetricKeyDetails.namedCurve],
              crypto.createSecretKey('shh').symmetricKeySize,
            ]);
            """, secrets);

        Assert.Equal("""[true,true,true,true,false,false,["public","rsa",2048],["ec","prime256v1"],3]""", checks.GetRawText());
    }

    [Fact]
    public async Task A_key_that_is_not_a_key_fails_with_a_reason()
    {
        var errors = await RunAsync("""
            const reason = f => { try { f(); return 'accepted'; } catch (e) { return e.message; } };
            api.idToken.setCustomClaim('errors', [
              reason(() => crypto.createPublicKey('not a key')),
              reason(() => crypto.createPrivateKey(crypto.createPublicKey(s.RSA).export())),
              reason(() => crypto.createSign('sha256').update('x').sign(crypto.createPublicKey(s.RSA))),
            ]);
            """, Keys());

        Assert.Equal("""["error:1E08010C:DECODER routines::unsupported (not a PEM key or certificate)","error:1E08010C:DECODER routines::unsupported (not a private key)","A private key is needed to sign."]""",
            errors.GetRawText());
    }

    private Dictionary<string, string> Keys() => new()
    {
        ["RSA"] = _rsa.ExportRSAPrivateKeyPem(),
        ["EC"] = _ec.ExportECPrivateKeyPem(),
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _rsa.Dispose();
        _ec.Dispose();
        await _sandbox.DisposeAsync();
    }
}
