using System.Text.Json;
using Flowgate.Runtime.Mfa;

namespace Flowgate.Runtime.Jobs;

/// <summary>
/// Reads Auth0's <c>mfa_factors</c>: <c>[{"totp":{"secret":"BASE32"}}, {"phone":{"value":"+15551234567"}}]</c>. The
/// user logs in with them at once, without enrolling again. Factors Flowgate has not (<c>email</c>) are refused per row.
/// </summary>
internal static class ImportFactors
{
    public static IReadOnlyList<ImportedFactor> Read(JsonElement row, List<RowError> errors)
    {
        if (!row.TryGetProperty("mfa_factors", out var factors))
            return [];
        if (factors.ValueKind != JsonValueKind.Array)
        {
            errors.Add(RowError.WrongType("mfa_factors", "array", factors.ValueKind.ToString().ToLowerInvariant()));
            return [];
        }
        var read = new List<ImportedFactor>();
        var index = 0;
        foreach (var factor in factors.EnumerateArray())
        {
            var path = $"mfa_factors[{index++}]";
            if (factor.ValueKind != JsonValueKind.Object || factor.EnumerateObject().Count() != 1)
            {
                errors.Add(new RowError("INVALID_FORMAT", "Each factor is an object with one of totp, phone", path));
                continue;
            }
            var (kind, value) = factor.EnumerateObject().Select(p => (p.Name, p.Value)).Single();
            switch (kind)
            {
                case "totp" when Text(value, "secret") is { } secret && Key(secret) is { Length: >= 10 } key:
                    read.Add(new ImportedFactor(MfaEnrollment.Otp, TotpKey: key));
                    break;
                case "totp":
                    errors.Add(new RowError("INVALID_FORMAT", "totp.secret must be a base32 key of at least 80 bits", path + ".totp.secret"));
                    break;
                case "phone" when Text(value, "value") is { } phone && IsE164(phone):
                    read.Add(new ImportedFactor(MfaEnrollment.Phone, Phone: phone));
                    break;
                case "phone":
                    errors.Add(new RowError("INVALID_FORMAT", "phone.value must be a number in E.164 form, such as +15551234567", path + ".phone.value"));
                    break;
                default:
                    errors.Add(new RowError("NOT_SUPPORTED", $"Flowgate does not import {kind} factors (totp and phone only)", path));
                    break;
            }
        }
        return read;
    }

    private static string? Text(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    private static byte[]? Key(string secret)
    {
        try
        {
            return Base32.Decode(secret.Replace(" ", "", StringComparison.Ordinal).TrimEnd('='));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsE164(string phone) => phone.Length is >= 8 and <= 16 && phone[0] == '+' && phone[1..].All(char.IsAsciiDigit);
}
