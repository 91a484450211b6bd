using System.ComponentModel.DataAnnotations;

namespace Flowgate.Runtime.Store;

/// <summary>The <c>Database</c> section: which provider, and its connection string.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string. Empty means the embedded default, <c>data/flowgate.db</c> under the data directory;
    /// <c>ConnectionStrings:Flowgate</c> is read too.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where Flowgate keeps its files (the SQLite database, npm cache); relative to the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";
}
