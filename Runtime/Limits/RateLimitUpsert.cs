using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Limits;

/// <summary>
/// The one statement that counts a hit: insert the window at 1, or add one to it while it is below the allowance,
/// returning the new count (no row when refused). Each engine makes it atomic its own way: SQLite and PostgreSQL lock
/// the row in <c>INSERT … ON CONFLICT DO UPDATE … WHERE</c> and evaluate the condition on the latest count; SQL Server's
/// <c>MERGE</c> needs <c>HOLDLOCK</c> so two first hits cannot both insert.
/// </summary>
internal static class RateLimitUpsert
{
    public static async Task<int?> IncrementAsync(
        FlowgateDbContext db, string key, long start, int allowance, long expires, CancellationToken cancellationToken)
    {
        var counts = db is SqlServerFlowgateDbContext
            ? db.Database.SqlQuery<int>($"""
                MERGE [RateLimitWindows] WITH (HOLDLOCK) AS w
                USING (VALUES ({key}, {start})) AS h ([Key], [WindowStart]) ON w.[Key] = h.[Key] AND w.[WindowStart] = h.[WindowStart]
                WHEN MATCHED AND w.[Count] < {allowance} THEN UPDATE SET [Count] = w.[Count] + 1
                WHEN NOT MATCHED THEN INSERT ([Key], [WindowStart], [Count], [ExpiresAt]) VALUES ({key}, {start}, 1, {expires})
                OUTPUT inserted.[Count] AS [Value];
                """)
            : db.Database.SqlQuery<int>($"""
                INSERT INTO "RateLimitWindows" AS w ("Key", "WindowStart", "Count", "ExpiresAt") VALUES ({key}, {start}, 1, {expires})
                ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = w."Count" + 1 WHERE w."Count" < {allowance}
                RETURNING "Count" AS "Value"
                """);
        var returned = await counts.ToListAsync(cancellationToken);
        return returned.Count == 1 ? returned[0] : null;
    }
}
