namespace Flowgate.Runtime.Jobs;

/// <summary>One row of an import that was not imported: the user as given and what was wrong with it.</summary>
public sealed class UserJobError
{
    public long Id { get; set; }
    public required string JobId { get; set; }
    /// <summary>The row's position in the file (0-based), so errors list in file order.</summary>
    public int Row { get; set; }
    /// <summary>The row as it was in the file (JSON).</summary>
    public required string UserJson { get; set; }
    /// <summary>Auth0's <c>[{code, message, path}]</c> (JSON).</summary>
    public required string ErrorsJson { get; set; }
}
