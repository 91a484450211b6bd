using System.Text.Json;
using Flowgate.Runtime.Flows.Parking;

namespace Flowgate.Runtime.Login;

/// <summary>
/// Parked logins (<see cref="ParkedLogin"/>), in the database for <see cref="Lifetime"/> (<see cref="ParkedTransactions"/>),
/// so any instance can take one up and a restart loses none. A caller asks for the type it serves and gets nothing
/// for a state parked as another: a reset's state is not a login at <c>/authorize</c>, and it is not consumed there.
/// A row stored before the types existed (no type name) reads as nothing: that transaction must start again.
/// </summary>
public sealed class ParkedLogins(ParkedTransactions parked)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public Task<string> AddAsync(ParkedLogin login, CancellationToken cancellationToken) =>
        parked.AddAsync(Write(login), Lifetime, cancellationToken);

    /// <summary>The transaction moves to its next state under the same state id.</summary>
    public Task PutAsync(string state, ParkedLogin login, CancellationToken cancellationToken) =>
        parked.PutAsync(state, Write(login), Lifetime, cancellationToken);

    /// <summary>What <paramref name="state"/> holds, if it is a <typeparamref name="T"/>.</summary>
    public async Task<T?> FindAsync<T>(string? state, CancellationToken cancellationToken) where T : class =>
        Read(await parked.FindAsync(state, cancellationToken)) as T;

    /// <summary>Finds and forgets, for exactly one caller, only a <typeparamref name="T"/>: a state of another type stays parked.</summary>
    public async Task<T?> TakeAsync<T>(string? state, CancellationToken cancellationToken) where T : class =>
        Read(await parked.TakeAsync(state, cancellationToken, json => Read(json) is T)) as T;

    /// <summary>The transaction is over (the password is set, the step-up passed): its state is not used again.</summary>
    public Task ForgetAsync(string state, CancellationToken cancellationToken) => parked.TakeAsync(state, cancellationToken);

    private static string Write(ParkedLogin login) => JsonSerializer.Serialize(login);

    private static ParkedLogin? Read(string? json)
    {
        if (json is null)
            return null;
        try
        {
            return JsonSerializer.Deserialize<ParkedLogin>(json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // Parked in an older format (or by something else): refused, never guessed at.
            return null;
        }
    }
}
