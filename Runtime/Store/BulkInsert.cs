using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Flowgate.Runtime.Store;

/// <summary>
/// Inserts new rows with multi-row <c>INSERT … VALUES (…), (…)</c> statements on the context's connection and current
/// transaction, bypassing the change tracker. The table, columns, quoting and value conversions come from the EF model
/// and the provider, so it is the same SQL on SQLite, PostgreSQL and SQL Server. For rows written in bulk and never read
/// back (imports, execution records): measured on a 10,000-user import, EF's per-entity tracking and per-column command
/// building took most of the job's CPU. A key the database generates (an identity column) is left to it, unread.
/// </summary>
internal static class BulkInsert
{
    // SQL Server takes at most 2,100 parameters per command and 1,000 rows per VALUES; the others take more.
    private const int MaxParameters = 2_000, MaxRows = 1_000;

    /// <summary>Inserts <paramref name="rows"/>; a refused row (a key or unique index taken) throws the provider's <see cref="DbException"/>.</summary>
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
            return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !IsStoreGeneratedKey(p)).Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetTypeMapping(), Getter: p.GetGetter(),
            Name: p.GetColumnName(table)!)).ToList();
        if (columns.Any(c => c.Property.IsShadowProperty()))
            throw new InvalidOperationException($"{typeof(T).Name} has shadow properties, which a bulk insert cannot read.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        // SQLite binds each parameter by a linear search of the statement's names, so a many-row statement costs the
        // square of its parameters: there one prepared single-row statement, run once per row, is fastest. The others
        // take many rows per statement, one round trip each.
        var perStatement = db.Database.IsSqlite() ? 1 : Math.Clamp(MaxParameters / columns.Count, 1, MaxRows);
        var names = Enumerable.Range(0, perStatement * columns.Count).Select(i => sql.GenerateParameterName($"p{i}")).ToArray();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                if (command is null || command.Parameters.Count != count * columns.Count)
                {
                    if (command is not null)
                        await command.DisposeAsync();
                    command = connection.CreateCommand();
                    command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                    command.CommandText = Statement(head, count, columns.Count, sql);
                }
                // The same text runs again with new values: SQLite keeps its prepared statement.
                command.Parameters.Clear();
                for (var r = 0; r < count; r++)
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var column = columns[c];
                        command.Parameters.Add(column.Mapping.CreateParameter(command, names[r * columns.Count + c],
                            column.Getter.GetClrValue(rows[start + r]), column.Property.IsNullable));
                    }
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
                await command.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    private static bool IsStoreGeneratedKey(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(long) || property.ClrType == typeof(int));

    private static string Statement(string head, int rows, int columns, ISqlGenerationHelper sql)
    {
        var text = new StringBuilder(head, head.Length + rows * columns * 8);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder($"p{r * columns + c}"));
            text.Append(')');
        }
        return text.ToString();
    }
}
