using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Infrastructure;

/// <summary>
/// The real host on a real SQLite file of its own, or on a <see cref="TestDatabase"/> (SQLite or PostgreSQL). Two
/// instances given the same database behave like a restart (or a second instance behind a load balancer).
/// </summary>
public sealed class FlowgateApp : WebApplicationFactory<Program>
{
    private readonly Action<IServiceCollection>? _services;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="databasePath">An existing database to reuse (a restart); null for a fresh one.</param>
    /// <param name="services">Test doubles for services the host does not provide by itself.</param>
    /// <param name="settings">Configuration that differs from the test defaults.</param>
    public FlowgateApp(string? databasePath = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
        : this(databasePath is null ? TestDatabase.Create(DatabaseProvider.Sqlite) : TestDatabase.Sqlite(databasePath), services, settings)
    {
    }

    /// <param name="database">The database (and data directory) this instance runs on; its owner disposes it.</param>
    /// <param name="services">Test doubles for services the host does not provide by itself.</param>
    /// <param name="settings">Configuration that differs from the test defaults.</param>
    public FlowgateApp(TestDatabase database, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _services = services;
        _settings = settings ?? new Dictionary<string, string>();
        Database = database;
        // A restart reuses the data directory too: it holds the key-encryption certificate.
        DataDirectory = database.DataDirectory;
        DatabasePath = System.IO.Path.Combine(DataDirectory, "flowgate.db");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FLOWGATE_DASHBOARD", RepositoryRoot.Path);
    }

    public TestDatabase Database { get; }

    /// <summary>
    /// Listens on a real port (<see cref="KestrelApp"/>): the issuer is then the address Kestrel took, as for an
    /// operator who sets no <c>Oidc:Issuer</c> in Development. Otherwise the in-memory server's <c>http://localhost/</c>.
    /// </summary>
    public bool IssuerFromAddress { get; init; }

    public string DataDirectory { get; }
    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Serve _framework and _content assets from the build's manifest, as `dotnet run` does.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Oidc:RequireHttps", "false");
        if (!IssuerFromAddress)
            builder.UseSetting("Oidc:Issuer", "http://localhost/");
        // Every test posts from 127.0.0.1; the per-IP limit has its own test.
        builder.UseSetting("HostedLogin:RateLimit:PermitsPerMinute", "10000");
        builder.UseSetting("Admin:SignInPermitsPerMinutePerIp", "10000");
        // No 25 MB download per test host: GeoIP tests name their database (GeoIpDatabase).
        builder.UseSetting("GeoIp:Download", "false");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_services is not null)
            builder.ConfigureTestServices(_services);
    }

    /// <summary>The Management API audience for the host's issuer.</summary>
    public string ManagementAudience => Services.GetRequiredService<IssuerResolver>().Resolve() + "api/v2/";
}
