using System.Collections.Concurrent;
using Flowgate.Runtime.Connections;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Connections;

/// <summary>
/// One authentication scheme per stored connection, registered at run time: added, rebuilt when the connection changes
/// (its options dropped from the options cache so the handler reads them again) and removed when it is deleted. Every
/// instance re-reads the connections when its copy is older than <see cref="MaxAge"/>, or at once when asked for one it
/// does not know (another instance just created it); a write on this instance refreshes it immediately.
/// </summary>
internal sealed class ConnectionSchemes(
    IServiceScopeFactory scopes, IAuthenticationSchemeProvider schemes, IOptionsMonitorCache<OpenIdConnectOptions> oidcOptions,
    IOptionsMonitorCache<OAuthOptions> oauthOptions, TimeProvider clock, ILogger<ConnectionSchemes> logger)
{
    /// <summary>How stale a copy of the connections may be before a login page or callback reads them again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, ActiveConnection> _byScheme = new();
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>The scheme of a connection; its callback is <c>/login/callback/{name}</c>.</summary>
    public static string SchemeOf(string connectionName) => "connection:" + connectionName;

    /// <summary>The connections as last read.</summary>
    public IEnumerable<ActiveConnection> All => _byScheme.Values;

    /// <summary>A connection by name, re-reading once when this instance does not know it.</summary>
    public async Task<ActiveConnection?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (_byScheme.TryGetValue(SchemeOf(name), out var known))
            return known;
        await RefreshAsync(force: true, cancellationToken);
        return _byScheme.GetValueOrDefault(SchemeOf(name));
    }

    /// <summary>The connection a scheme was registered for (the handlers' options read it).</summary>
    public ActiveConnection? ForScheme(string scheme) => _byScheme.GetValueOrDefault(scheme);

    /// <summary>Reads the connections again when the copy is stale (or <paramref name="force"/>), then adds, rebuilds and removes schemes to match.</summary>
    public async Task RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        if (!force && clock.GetUtcNow() - _readAt < MaxAge)
            return;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!force && clock.GetUtcNow() - _readAt < MaxAge)
                return;
            await using var scope = scopes.CreateAsyncScope();
            var current = (await scope.ServiceProvider.GetRequiredService<ConnectionService>().ListActiveAsync(cancellationToken))
                .ToDictionary(c => SchemeOf(c.Details.Name));
            foreach (var (scheme, old) in _byScheme)
            {
                if (current.TryGetValue(scheme, out var now) && now.Stamp == old.Stamp)
                    continue;
                Remove(scheme);
            }
            foreach (var (scheme, connection) in current)
            {
                if (_byScheme.ContainsKey(scheme))
                    continue;
                _byScheme[scheme] = connection;
                schemes.AddScheme(new AuthenticationScheme(scheme, connection.Details.DisplayName ?? connection.Details.Name, HandlerOf(connection.Details.Strategy)));
                logger.LogInformation("Connection {Connection} ({Strategy}) ready for logins", connection.Details.Name, connection.Details.Strategy);
            }
            _readAt = clock.GetUtcNow();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Remove(string scheme)
    {
        schemes.RemoveScheme(scheme);
        oidcOptions.TryRemove(scheme);
        oauthOptions.TryRemove(scheme);
        _byScheme.TryRemove(scheme, out _);
    }

    private static Type HandlerOf(string strategy) =>
        strategy == ConnectionStrategies.Oidc ? typeof(OpenIdConnectHandler) : typeof(OAuthHandler<OAuthOptions>);
}
