namespace Flowgate.Runtime.Mfa;

/// <summary>What checking a code said. Only <see cref="Accepted"/> lets the user through.</summary>
public enum MfaVerification
{
    Accepted,
    Wrong,
    /// <summary>A code of a time step already used: someone may have watched it being typed.</summary>
    Replayed,
    /// <summary>Too many wrong codes; the factor refuses everything until the lock ends.</summary>
    Locked,
    NotEnrolled,
    /// <summary>The phone code is older than its lifetime, or none was sent: a new one must be sent.</summary>
    Expired,
}
