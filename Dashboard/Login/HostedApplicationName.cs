using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// The display name of the application a hosted page is for, read once per request: the page's header and its texts
/// (Auth0's <c>${clientName}</c>) both show it.
/// </summary>
internal sealed class HostedApplicationName(ApplicationService applications)
{
    private readonly Dictionary<string, string?> _names = [];

    /// <summary>The name of <paramref name="clientId"/>'s application; null when there is no such application.</summary>
    public async Task<string?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        if (!_names.TryGetValue(clientId, out var name))
            _names[clientId] = name = await applications.FindNameAsync(clientId, cancellationToken);
        return name;
    }
}
