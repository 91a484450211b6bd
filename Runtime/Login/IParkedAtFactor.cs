namespace Flowgate.Runtime.Login;

/// <summary>What a factor page serves: a transaction waiting for the factors of its <see cref="Prompt"/>.</summary>
public interface IParkedAtFactor
{
    string UserId { get; }

    MfaPrompt Prompt { get; }

    /// <summary>The application logging in, for the tenant log and the page's header; null for a reset or a step-up.</summary>
    string? ClientId { get; }

    /// <summary>Where the transaction goes once done: the authorization request of a login, the page a step-up came from; null for a reset.</summary>
    string? ReturnUrl { get; }

    /// <summary>The prompt passed and its <see cref="MfaPrompt.Then"/> (the enrolment it guarded) comes next, in the same transaction.</summary>
    ParkedLogin Guarding(MfaPrompt next);
}
