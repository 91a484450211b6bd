using Flowgate.Runtime.Mfa;

namespace Flowgate.Dashboard.Components.Login.Mfa;

/// <summary>What the factor pages tell the user when a code or a security key is refused.</summary>
internal static class MfaMessages
{
    public const string Expired = "This step expired or belongs to another browser. Start again: log in from the application, or open the reset link again.";

    public const string NotSent = "We could not send the text message. Try again later.";

    public static string Refused(MfaVerification verification, string factor = MfaEnrollment.Otp) => verification switch
    {
        MfaVerification.Wrong when factor == MfaEnrollment.Phone => "Wrong code. Check the text message and try again.",
        MfaVerification.Expired => "This code expired or was already used. Send a new one.",
        MfaVerification.Replayed => "This code was already used. Wait for the next one and try again.",
        MfaVerification.Locked => "Too many wrong codes. This factor is locked for a while; try again later.",
        MfaVerification.NotEnrolled => "This factor is not enrolled for your account.",
        _ => "Wrong code. Check your authenticator app and try again.",
    };

    /// <summary>The same for a security key or passkey; the precise reason goes to the tenant logs only.</summary>
    public static string WebAuthnRefused(MfaVerification verification) => verification switch
    {
        MfaVerification.Replayed => "This answer was already used. Try again.",
        MfaVerification.Locked => "Too many failed attempts. This factor is locked for a while; try again later.",
        MfaVerification.NotEnrolled => "This factor is not enrolled for your account.",
        _ => "Your security key or device was not accepted. Try again with the one you registered.",
    };

    /// <summary>Why no new phone code went out.</summary>
    public static string NotIssued(PhoneCodeIssue issue) => issue.Status switch
    {
        PhoneCodeStatus.CoolingDown => $"A code was sent moments ago. Wait {Math.Ceiling(issue.Wait.TotalSeconds)} seconds before asking for another.",
        PhoneCodeStatus.Locked => Refused(MfaVerification.Locked),
        PhoneCodeStatus.InvalidNumber => "Enter the number in international format: + and the country code, e.g. +14155550123.",
        PhoneCodeStatus.AlreadyEnrolled => "A phone is already enrolled for your account.",
        _ => Refused(MfaVerification.NotEnrolled),
    };
}
