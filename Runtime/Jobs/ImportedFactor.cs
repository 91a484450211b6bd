namespace Flowgate.Runtime.Jobs;

/// <summary>A factor from an import row's <c>mfa_factors</c>: a TOTP key (raw bytes) or a phone number (E.164).</summary>
public sealed record ImportedFactor(string Type, byte[]? TotpKey = null, string? Phone = null);
