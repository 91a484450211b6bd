using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Flowgate.Runtime.Store;

/// <summary>The embedded SQLite database and its migrations.</summary>
public sealed class SqliteFlowgateDbContext(DbContextOptions options) : FlowgateDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; every time here is UTC, so a binary
        // (ticks-based) column keeps both ordering and precision.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
