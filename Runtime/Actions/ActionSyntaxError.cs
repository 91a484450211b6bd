namespace Flowgate.Runtime.Actions;

/// <summary>Why an Action's code does not parse, and where (1-based line and column, when V8 says).</summary>
public sealed record ActionSyntaxError(string Message, int? Line, int? Column)
{
    public override string ToString() => Line is null ? Message : $"{Message} (line {Line}, column {Column})";
}
