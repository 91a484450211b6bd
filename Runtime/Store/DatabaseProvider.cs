namespace Flowgate.Runtime.Store;

/// <summary>The database engines Flowgate runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    /// <summary>PostgreSQL through Npgsql; <c>Database:Provider=PostgreSQL</c> (case-insensitive).</summary>
    PostgreSql,
}
