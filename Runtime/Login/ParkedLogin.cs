using System.Text.Json.Serialization;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Login;

/// <summary>
/// A login transaction (or a password reset, or a factor step-up) parked between two requests in
/// <see cref="ParkedLogins"/>. One type per parked state, each with only what that state needs: a page or endpoint asks
/// for the type it can serve, so a state parked for one purpose is never taken up by another. The set is closed: the
/// stored JSON names its type, and only the types below are read back.
/// </summary>
/// <param name="UserId">The user the transaction is for; every taker checks it against the session or the reset's browser.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "parked", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ParkedAtRedirect), "at-redirect")]
[JsonDerivedType(typeof(ParkedAtFactor), "at-factor")]
[JsonDerivedType(typeof(ParkedStepUp), "step-up")]
[JsonDerivedType(typeof(ParkedLoginFinished), "login-finished")]
[JsonDerivedType(typeof(ParkedResetFinished), "reset-finished")]
public abstract record ParkedLogin(string UserId)
{
    /// <summary>Where the transaction stands (ADR 0007's states); follows from the type, so it is not stored.</summary>
    [JsonIgnore]
    public abstract LoginState State { get; }

    /// <summary>The site an Action sent the browser to, when that is how the flow stopped: the transaction then waits at <c>/continue</c>.</summary>
    public static string? RedirectOf(FlowExecutionResult result) =>
        result is { Status: FlowStatus.Suspended, Suspension: not null, Outcome.RedirectUrl: { } url } ? url : null;
}
