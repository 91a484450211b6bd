using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Flowgate.Runtime.Store;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context; no server is contacted to add a migration.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlFlowgateDbContext>
{
    public PostgreSqlFlowgateDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<FlowgateDbContext>();
        StoreRegistration.Configure(builder, DatabaseProvider.PostgreSql, "Host=design-time;Database=flowgate");
        return new PostgreSqlFlowgateDbContext(builder.Options);
    }
}
