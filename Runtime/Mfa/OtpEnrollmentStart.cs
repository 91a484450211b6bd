namespace Flowgate.Runtime.Mfa;

/// <summary>A pending authenticator-app enrolment: the key to show (QR code and manual entry) until the first code confirms it.</summary>
/// <param name="Secret">The key in base32, as authenticator apps take it.</param>
/// <param name="KeyUri">The <c>otpauth://totp/...</c> URI the QR code carries.</param>
public sealed record OtpEnrollmentStart(string EnrollmentId, string Secret, string KeyUri);
