namespace Flowgate.Runtime.Jobs;

/// <summary>What is wrong with an import row, as Auth0 reports it: a code, a message and the JSON path.</summary>
public sealed record RowError(string Code, string Message, string Path)
{
    public static RowError Missing(string property) => new("OBJECT_MISSING_REQUIRED_PROPERTY", $"Missing required property: {property}", property);

    public static RowError WrongType(string property, string expected, string found) =>
        new("INVALID_TYPE", $"Expected type {expected} but found type {found}", property);
}
