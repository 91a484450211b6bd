namespace Flowgate.Runtime.Mfa;

/// <summary>A factor type Flowgate knows, by Auth0's name, with what people call it.</summary>
/// <param name="Type">Auth0's factor type: <c>challengeWith({type})</c>, <c>event.user.enrolledFactors[].type</c>.</param>
/// <param name="Label">What the factor is called on the hosted pages and in the dashboard.</param>
public sealed record MfaFactorType(string Type, string Label)
{
    /// <summary>Every factor a tenant can enable, in the order the pages list them.</summary>
    public static IReadOnlyList<MfaFactorType> All { get; } =
    [
        new(MfaEnrollment.Otp, "Authenticator app"),
        new(MfaEnrollment.Phone, "SMS"),
        new("webauthn-roaming", "Security key"),
        new("webauthn-platform", "Device biometrics"),
        new(MfaEnrollment.RecoveryCode, "Recovery code"),
    ];

    /// <summary>The label of a type, or the type itself for one Flowgate does not know.</summary>
    public static string LabelOf(string type) => All.FirstOrDefault(f => f.Type == type)?.Label ?? type;
}
