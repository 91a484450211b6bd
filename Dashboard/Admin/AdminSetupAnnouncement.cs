using Flowgate.Runtime.Admin;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Admin;

/// <summary>
/// At start, while no administrator exists and setup needs a token, makes the one-time setup token and writes it
/// to the server log: whoever can read the log of a fresh install may create its first administrator.
/// </summary>
internal sealed partial class AdminSetupAnnouncement(
    AdminAccountService admins, AdminSetupToken token, IOptions<AdminOptions> options, ILogger<AdminSetupAnnouncement> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RequireSetupToken == true && !await admins.AnyAsync(cancellationToken))
            SetupTokenIssued(logger, token.Issue());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No administrator exists yet. Open /account/setup and enter this one-time setup token: {SetupToken} (a restart makes a new one; `admin create` needs none)")]
    private static partial void SetupTokenIssued(ILogger logger, string setupToken);
}
