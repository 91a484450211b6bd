namespace Flowgate.Runtime.Mfa;

/// <summary>The outcome of asking for a phone code: when <see cref="PhoneCodeStatus.Issued"/>, the code to deliver, in the clear, once.</summary>
/// <param name="Recipient">The enrolled number (E.164), when there is one.</param>
/// <param name="Wait">How long until a resend is allowed, while <see cref="PhoneCodeStatus.CoolingDown"/>.</param>
public sealed record PhoneCodeIssue(PhoneCodeStatus Status, string? Recipient = null, string? Code = null, TimeSpan Wait = default)
{
    /// <summary>The number as pages and logs show it: only the last four digits.</summary>
    public string? MaskedRecipient => Recipient is null ? null : PhoneCodes.Mask(Recipient);
}
