namespace Flowgate.Runtime.Identity;

/// <summary>Why an imported password hash was refused: the JSON path (from the user object) and what is wrong there.</summary>
public sealed record HashProblem(string Path, string Message);
