using System.Text.Json.Serialization;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Login;

/// <summary>
/// What a parked flow finishes: an application's authorization request (a login) or a password reset. The steps in
/// between (a redirect, a factor) are the same for both; the finished transaction is a different type for each, so
/// <c>/authorize</c> never applies a reset's flow and the reset page never a login's.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "for", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ParkedAuthorization), "authorization")]
[JsonDerivedType(typeof(ParkedReset), "reset")]
public abstract record ParkedPurpose
{
    /// <summary>The application logging in; null for a password reset.</summary>
    [JsonIgnore]
    public string? ClientId => (this as ParkedAuthorization)?.Client;

    /// <summary>The finished transaction for this purpose: what <c>/authorize</c> or the new-password page takes.</summary>
    public ParkedLogin Finished(string userId, FlowExecutionResult result, bool mfaDone) => this switch
    {
        ParkedAuthorization request => new ParkedLoginFinished(userId, request, result, mfaDone),
        ParkedReset reset => new ParkedResetFinished(userId, reset, result, mfaDone),
        _ => throw new InvalidOperationException($"No finished transaction for {GetType().Name}."),
    };
}
