using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Store;

/// <summary>
/// The PostgreSQL database and its migrations. Times map to <c>timestamp with time zone</c>, which Npgsql only
/// writes from UTC values: every time Flowgate stores comes from <see cref="TimeProvider.GetUtcNow"/>.
/// </summary>
public sealed class PostgreSqlFlowgateDbContext(DbContextOptions options) : FlowgateDbContext(options);
