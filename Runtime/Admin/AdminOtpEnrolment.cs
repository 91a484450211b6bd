namespace Flowgate.Runtime.Admin;

/// <summary>An authenticator app being added: the key, protected for the form that confirms it, and what the app scans or types.</summary>
/// <param name="ProtectedKey">The key encrypted and time-limited for this administrator; the confirming form posts it back.</param>
/// <param name="Secret">The key in base32, for typing by hand.</param>
/// <param name="KeyUri">The <c>otpauth://totp/...</c> URI the QR code carries.</param>
public sealed record AdminOtpEnrolment(string ProtectedKey, string Secret, string KeyUri);
