using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Store;

/// <summary>The production SQL Server database and its migrations.</summary>
public sealed class SqlServerFlowgateDbContext(DbContextOptions options) : FlowgateDbContext(options);
