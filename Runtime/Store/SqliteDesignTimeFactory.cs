using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Flowgate.Runtime.Store;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFlowgateDbContext>
{
    public SqliteFlowgateDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<FlowgateDbContext>();
        StoreRegistration.Configure(builder, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new SqliteFlowgateDbContext(builder.Options);
    }
}
