using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Flowgate.Runtime.Identity;

namespace Flowgate.Tests.Runtime.Identity;

/// <summary>Auth0's custom_password_hash forms, made here with the BCL, verify the right password and only it.</summary>
public sealed class ImportedPasswordHashTests
{
    private const string Password = "s3cret pässword";

    public static TheoryData<string, string> Hashes()
    {
        var salt = RandomNumberGenerator.GetBytes(12);
        var utf8 = Encoding.UTF8.GetBytes(Password);
        var key = RandomNumberGenerator.GetBytes(32);
        return new()
        {
            { "md5 hex, no salt", Custom("md5", Convert.ToHexStringLower(MD5.HashData(utf8)), "hex") },
            { "sha1 base64, salt suffix", Custom("sha1", Convert.ToBase64String(SHA1.HashData([.. utf8, .. salt])), "base64", salt, "suffix") },
            { "sha512 hex, salt prefix", Custom("sha512", Convert.ToHexString(SHA512.HashData([.. salt, .. utf8])), "hex", salt, "prefix") },
            { "hmac sha256 keyed", JsonSerializer.Serialize(new
                {
                    algorithm = "hmac",
                    hash = new { value = Convert.ToHexStringLower(HMACSHA256.HashData(key, (byte[])[.. utf8, .. salt])), encoding = "hex", digest = "sha256", key = new { value = Convert.ToBase64String(key), encoding = "base64" } },
                    salt = new { value = Convert.ToBase64String(salt), encoding = "base64", position = "suffix" },
                }) },
            { "ldap {SSHA}", Self("ldap", "{SSHA}" + Convert.ToBase64String([.. SHA1.HashData([.. utf8, .. salt]), .. salt])) },
            { "ldap {SHA256}", Self("ldap", "{SHA256}" + Convert.ToBase64String(SHA256.HashData(utf8))) },
            { "pbkdf2 sha512", Self("pbkdf2", $"$pbkdf2-sha512$i=1000,l=64${Phc(salt)}${Phc(Rfc2898DeriveBytes.Pbkdf2(utf8, salt, 1000, HashAlgorithmName.SHA512, 64))}") },
            { "bcrypt $2b$", Self("bcrypt", BCrypt.Net.BCrypt.HashPassword(Password, 4).Replace("$2a$", "$2b$", StringComparison.Ordinal)) },
        };
    }

    [Theory]
    [MemberData(nameof(Hashes))]
    public void An_imported_hash_accepts_its_password_and_refuses_another(string form, string customPasswordHash)
    {
        using var json = JsonDocument.Parse(customPasswordHash);
        var hash = CustomPasswordHash.Parse(json.RootElement, out var problem);

        Assert.True(problem is null, $"{form}: {problem}");
        Assert.True(hash!.Verify(Password), form);
        Assert.False(hash.Verify(Password + "x"), form);
        Assert.True(ImportedPasswordHash.FromStored(hash.ToStored())!.Verify(Password), form);
    }

    [Theory]
    [InlineData("""{"algorithm":"bcrypt","hash":{"value":"$2b$10$abc"}}""", "custom_password_hash.hash.value")]
    [InlineData("""{"algorithm":"md5","hash":{"value":"not hex!","encoding":"hex"}}""", "custom_password_hash.hash.value")]
    [InlineData("""{"algorithm":"argon2","hash":{"value":"$argon2id$v=19$m=4096,t=2,p=1$c2FsdHNhbHQ$aGFzaA"},"salt":{"value":"x","position":"prefix"}}""", "custom_password_hash.salt")]
    [InlineData("""{"algorithm":"argon2","hash":{"value":"$argon2id$v=19$m=9999999,t=2,p=1$c2FsdHNhbHQ$aGFzaA"}}""", "custom_password_hash.hash.value")]
    [InlineData("""{"algorithm":"sha256","hash":{"value":"00","encoding":"hex"},"salt":{"value":"x","position":"middle"}}""", "custom_password_hash.salt.position")]
    [InlineData("""{"algorithm":"whirlpool","hash":{"value":"00"}}""", "custom_password_hash.algorithm")]
    [InlineData("""{"algorithm":"scrypt","hash":{"value":"00","encoding":"hex"}}""", "custom_password_hash.algorithm")]
    public void A_hash_flowgate_cannot_verify_is_refused_with_its_path(string customPasswordHash, string path)
    {
        using var json = JsonDocument.Parse(customPasswordHash);

        Assert.Null(CustomPasswordHash.Parse(json.RootElement, out var problem));
        Assert.Equal(path, problem!.Path);
    }

    private static string Custom(string algorithm, string value, string encoding, byte[]? salt = null, string? position = null) =>
        salt is null
            ? JsonSerializer.Serialize(new { algorithm, hash = new { value, encoding } })
            : JsonSerializer.Serialize(new { algorithm, hash = new { value, encoding }, salt = new { value = Convert.ToHexString(salt), encoding = "hex", position } });

    private static string Self(string algorithm, string value) => JsonSerializer.Serialize(new { algorithm, hash = new { value, encoding = "utf8" } });

    private static string Phc(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}
