namespace Flowgate.Runtime.Store;

/// <summary>The database engines Flowgate runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
