using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Flowgate.Tests.Infrastructure;

/// <summary>
/// The real host on a real SQLite file of its own. Two instances given the same database path
/// behave like a restart (or a second instance behind a load balancer).
/// </summary>
public sealed class FlowgateApp : WebApplicationFactory<Program>
{
    public FlowgateApp(string? databasePath = null)
    {
        // A restart reuses the data directory too: it holds the key-encryption certificate.
        DataDirectory = databasePath is null ? Directory.CreateTempSubdirectory("flowgate-test-").FullName : System.IO.Path.GetDirectoryName(databasePath)!;
        DatabasePath = databasePath ?? System.IO.Path.Combine(DataDirectory, "flowgate.db");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FLOWGATE_DASHBOARD", RepositoryRoot.Path);
    }

    public string DataDirectory { get; }
    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Serve _framework and _content assets from the build's manifest, as `dotnet run` does.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Oidc:RequireHttps", "false");
    }

    /// <summary>The Management API audience for the test server's issuer.</summary>
    public string ManagementAudience => Server.BaseAddress + "api/v2/";
}
