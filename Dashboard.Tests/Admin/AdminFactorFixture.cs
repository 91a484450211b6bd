using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Admin;

/// <summary>One host for the factor tests: second factors required (as in Production), on a clock the tests move.</summary>
public sealed class AdminFactorFixture : IDisposable
{
    public TestClock Clock { get; } = new();

    public FlowgateApp App { get; }

    public AdminFactorFixture() => App = new FlowgateApp(
        services: s => s.AddSingleton<TimeProvider>(Clock),
        settings: new Dictionary<string, string> { ["Admin:RequireMfa"] = "true", ["Admin:MaxFailedAccessAttempts"] = "5" });

    public void Dispose() => App.Dispose();
}
