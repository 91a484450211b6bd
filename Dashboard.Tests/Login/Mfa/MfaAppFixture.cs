using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>One host per class, on a clock the tests move (TOTP steps, locks), its logs recorded; the seed's Admin role exists.</summary>
public sealed class MfaAppFixture : IAsyncLifetime
{
    public TestClock Clock { get; } = new();
    public RecordedLogs Logs { get; } = new();
    public FlowgateApp App { get; }

    // The send-phone-message Action delivers to a loopback SMS gateway (SmsGateway).
    public MfaAppFixture() => App = new FlowgateApp(services: s =>
    {
        s.AddSingleton<TimeProvider>(Clock);
        s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
    }, settings: new Dictionary<string, string> { ["Sandbox:AllowPrivateNetworkFetch"] = "true" });

    public async Task InitializeAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleManager<TenantRole>>().CreateAsync(new TenantRole { Name = "Admin" });
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
