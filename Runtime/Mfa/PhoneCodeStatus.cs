namespace Flowgate.Runtime.Mfa;

/// <summary>Whether a phone code went out, and if not, why.</summary>
public enum PhoneCodeStatus
{
    /// <summary>A new code was made: deliver it now.</summary>
    Issued,
    /// <summary>The code sent earlier is still good: nothing new to send.</summary>
    StillValid,
    /// <summary>A code was sent moments ago; resending waits, so nobody can flood a phone with messages.</summary>
    CoolingDown,
    Locked,
    NotEnrolled,
    /// <summary>The user already has a phone; a second enrolment would be a way around the challenge.</summary>
    AlreadyEnrolled,
    /// <summary>Not a phone number in E.164 form (<c>+</c>, country code, number).</summary>
    InvalidNumber,
}
