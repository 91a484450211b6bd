using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Store;

/// <summary>Registers the database, its context factory and Data Protection keys stored in it.</summary>
public static class StoreRegistration
{
    /// <summary>Adds <see cref="FlowgateDbContext"/> (factory and scoped) for the configured provider.</summary>
    public static IServiceCollection AddFlowgateStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(options, configuration, contentRoot);
        var builder = new DbContextOptionsBuilder<FlowgateDbContext>();
        Configure(builder, options.Provider, connectionString);

        var dataDirectory = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        services.AddSingleton(new DataDirectory(dataDirectory));
        services.AddSingleton<IDbContextFactory<FlowgateDbContext>>(new FlowgateDbContextFactory(builder.Options, options.Provider));
        // Identity, OpenIddict and Data Protection resolve a scoped context; Blazor services use the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContext());
        var keyEncryption = configuration.GetSection(KeyEncryptionOptions.Section).Get<KeyEncryptionOptions>() ?? new KeyEncryptionOptions();
        var certificate = KeyEncryptionCertificate.Load(keyEncryption, dataDirectory);
        services.AddDataProtection()
            .SetApplicationName("Flowgate")
            .PersistKeysToDbContext<FlowgateDbContext>()
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate);
        return services;
    }

    /// <summary>Applies the provider and connection string to an options builder (also used by design-time factories and tests).</summary>
    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure());
                break;
            case DatabaseProvider.PostgreSql:
                // No retrying execution strategy: the parked-login take and the counters run in explicit transactions,
                // which a retrying strategy would refuse outside its own delegate.
                builder.UseNpgsql(connectionString);
                break;
            default:
                // The busy-timeout interceptor is SQLite's alone: other engines wait for locks themselves.
                builder.UseSqlite(connectionString).AddInterceptors(SqliteConnectionSetup.Instance);
                break;
        }
    }

    private static string ResolveConnectionString(DatabaseOptions options, IConfiguration configuration, string contentRoot)
    {
        var configured = options.ConnectionString ?? configuration.GetConnectionString("Flowgate");
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        if (options.Provider != DatabaseProvider.Sqlite)
            throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions),
                [$"Database:Provider is {options.Provider} but no connection string is set (Database:ConnectionString or ConnectionStrings:Flowgate)."]);
        var directory = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        Directory.CreateDirectory(directory);
        // A private cache per connection: in shared-cache mode a lock conflict is SQLITE_LOCKED, which no busy timeout
        // waits for, and WAL's readers-beside-one-writer only holds between separate connections.
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "flowgate.db") }.ToString();
    }
}
