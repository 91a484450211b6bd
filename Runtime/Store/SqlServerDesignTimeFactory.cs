using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Flowgate.Runtime.Store;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context; no server is contacted to add a migration.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerFlowgateDbContext>
{
    public SqlServerFlowgateDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<FlowgateDbContext>();
        StoreRegistration.Configure(builder, DatabaseProvider.SqlServer, "Server=(design-time);Database=Flowgate;Trusted_Connection=True");
        return new SqlServerFlowgateDbContext(builder.Options);
    }
}
