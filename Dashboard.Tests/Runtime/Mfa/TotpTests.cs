using System.Security.Cryptography;
using System.Text;
using Flowgate.Runtime.Mfa;

namespace Flowgate.Tests.Runtime.Mfa;

/// <summary>TOTP against RFC 6238 Appendix B and base32 against RFC 4648 §10.</summary>
public sealed class TotpTests
{
    private static readonly byte[] Sha1Key = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Sha256Key = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private static readonly byte[] Sha512Key = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    [Theory]
    [InlineData(59, "94287082", "46119246", "90693936")]
    [InlineData(1111111109, "07081804", "68084774", "25091201")]
    [InlineData(1111111111, "14050471", "67062674", "99943326")]
    [InlineData(1234567890, "89005924", "91819424", "93441116")]
    [InlineData(2000000000, "69279037", "90698825", "38618901")]
    [InlineData(20000000000, "65353130", "77737706", "47863826")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixSeconds, string sha1, string sha256, string sha512)
    {
        var step = Totp.TimeStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
        Assert.Equal(sha1, Totp.Code(Sha1Key, step, digits: 8));
        Assert.Equal(sha256, Totp.Code(Sha256Key, step, digits: 8, HashAlgorithmName.SHA256));
        Assert.Equal(sha512, Totp.Code(Sha512Key, step, digits: 8, HashAlgorithmName.SHA512));
    }

    [Fact]
    public void A_code_is_accepted_one_step_either_side_and_not_further()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1111111111);
        var step = Totp.TimeStep(now);
        Assert.Equal(step - 1, Totp.Match(Sha1Key, Totp.Code(Sha1Key, step - 1), now));
        Assert.Equal(step + 1, Totp.Match(Sha1Key, Totp.Code(Sha1Key, step + 1), now));
        Assert.Null(Totp.Match(Sha1Key, Totp.Code(Sha1Key, step - 2), now));
        Assert.Null(Totp.Match(Sha1Key, Totp.Code(Sha1Key, step + 2), now));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_matches_rfc_4648_and_reads_keys_typed_in_groups(string text, string encoded)
    {
        Assert.Equal(encoded, Base32.Encode(Encoding.ASCII.GetBytes(text)));
        Assert.Equal(text, Encoding.ASCII.GetString(Base32.Decode(encoded.ToLowerInvariant())));
        Assert.Equal(Sha1Key, Base32.Decode(string.Join(' ', Base32.Encode(Sha1Key).Chunk(4).Select(c => new string(c)))));
    }
}
