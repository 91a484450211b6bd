using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Flowgate.Tests.Store;

public sealed class MigrationTests
{
    [Fact]
    public void SqlServer_model_builds_and_its_migrations_script_generates()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [Actions]", script);
        Assert.Contains("CREATE TABLE [ActionVersions]", script);
        Assert.Contains("CREATE TABLE [OpenIddictApplications]", script);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script);
        Assert.Contains("datetimeoffset", script);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Each_providers_migrations_match_the_model(DatabaseProvider provider)
    {
        using FlowgateDbContext db = provider switch
        {
            DatabaseProvider.Sqlite => new SqliteDesignTimeFactory().CreateDbContext([]),
            DatabaseProvider.SqlServer => new SqlServerDesignTimeFactory().CreateDbContext([]),
            _ => new PostgreSqlDesignTimeFactory().CreateDbContext([]),
        };

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} migrations are behind the model: run Runtime/Store/add-migration.sh <Name>.");
    }

    [Fact]
    public async Task A_real_sqlite_file_migrates_writes_and_reads_back()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("flowgate-db-").FullName, "flowgate.db");
        var options = new DbContextOptionsBuilder<FlowgateDbContext>();
        StoreRegistration.Configure(options, DatabaseProvider.Sqlite, $"Data Source={path}");

        await using (var db = new SqliteFlowgateDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
            db.Tenants.Add(new Tenant { Id = "t1", Name = "Tenant one" });
            var action = new ActionDefinition { Id = "act_1", TenantId = "t1", Name = "Roles to claims", TriggerId = "post-login", TriggerVersion = "v3", Code = "exports.onExecutePostLogin = async () => {};" };
            action.Secrets.Add(new ActionSecret { ActionId = "act_1", Name = "API_KEY", ProtectedValue = "protected" });
            db.Actions.Add(action);
            db.ActionVersions.Add(new ActionVersion { Id = "ver_1", TenantId = "t1", ActionId = "act_1", Number = 1, Code = action.Code, Runtime = "node22", Deployed = true, CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5) });
            db.ActionVersions.Add(new ActionVersion { Id = "ver_2", TenantId = "t1", ActionId = "act_1", Number = 2, Code = action.Code, Runtime = "node22", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        Assert.True(File.Exists(path));
        await using (var db = new SqliteFlowgateDbContext(options.Options))
        {
            var action = await db.Actions.Include(a => a.Secrets).SingleAsync(a => a.Id == "act_1");
            Assert.Equal("Roles to claims", action.Name);
            Assert.Equal("API_KEY", Assert.Single(action.Secrets).Name);
            // Ordering by time works on SQLite (stored as UTC ticks).
            var newest = await db.ActionVersions.OrderByDescending(v => v.CreatedAt).FirstAsync();
            Assert.Equal(2, newest.Number);
        }
    }

    [Fact]
    public async Task A_real_postgresql_database_migrates_writes_and_orders_by_time()
    {
        using var database = Flowgate.Tests.Infrastructure.TestDatabase.Create(DatabaseProvider.PostgreSql);
        var options = new DbContextOptionsBuilder<FlowgateDbContext>();
        StoreRegistration.Configure(options, DatabaseProvider.PostgreSql, database.ConnectionString);

        await using (var db = new PostgreSqlFlowgateDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
            db.Tenants.Add(new Tenant { Id = "t1", Name = "Tenant one" });
            db.Actions.Add(new ActionDefinition { Id = "act_1", TenantId = "t1", Name = "A", TriggerId = "post-login", TriggerVersion = "v3" });
            db.ActionVersions.Add(new ActionVersion { Id = "ver_1", TenantId = "t1", ActionId = "act_1", Number = 1, Code = "", Runtime = "node22", CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5) });
            db.ActionVersions.Add(new ActionVersion { Id = "ver_2", TenantId = "t1", ActionId = "act_1", Number = 2, Code = "", Runtime = "node22", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await using (var db = new PostgreSqlFlowgateDbContext(options.Options))
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var newest = await db.ActionVersions.OrderByDescending(v => v.CreatedAt).FirstAsync();
            Assert.Equal(2, newest.Number);
            Assert.Equal(TimeSpan.Zero, newest.CreatedAt.Offset); // timestamptz reads back as UTC
        }
    }

    [Fact]
    public async Task Two_versions_with_the_same_number_are_refused()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("flowgate-db-").FullName, "flowgate.db");
        var options = new DbContextOptionsBuilder<FlowgateDbContext>();
        StoreRegistration.Configure(options, DatabaseProvider.Sqlite, $"Data Source={path}");
        await using var db = new SqliteFlowgateDbContext(options.Options);
        await db.Database.MigrateAsync();
        db.Tenants.Add(new Tenant { Id = "t1", Name = "Tenant one" });
        db.Actions.Add(new ActionDefinition { Id = "act_1", TenantId = "t1", Name = "A", TriggerId = "post-login", TriggerVersion = "v3" });
        db.ActionVersions.Add(new ActionVersion { Id = "ver_1", TenantId = "t1", ActionId = "act_1", Number = 1, Code = "", Runtime = "node22" });
        db.ActionVersions.Add(new ActionVersion { Id = "ver_2", TenantId = "t1", ActionId = "act_1", Number = 1, Code = "", Runtime = "node22" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
