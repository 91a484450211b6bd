namespace Flowgate.Runtime.Admin;

/// <summary>What a sign-in needs after a right password: nothing more, a factor, or enrolling a first factor.</summary>
public enum AdminSignInStep
{
    /// <summary>Every step passed: the administrator session may be issued.</summary>
    Session,

    /// <summary>The administrator has a factor and must pass it before any session exists.</summary>
    Factor,

    /// <summary><see cref="AdminOptions.RequireMfa"/> holds and the administrator has no factor: one is enrolled first.</summary>
    Enrol,
}
