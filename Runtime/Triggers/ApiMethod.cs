namespace Flowgate.Runtime.Triggers;

/// <summary>
/// One method of a trigger's <c>api</c>. By default a call records a command named by
/// <see cref="Path"/> with its arguments and returns <c>api</c> (when <see cref="Returns"/> is the api
/// type) or nothing. Methods that compute something inside the sandbox give JavaScript bodies.
/// </summary>
public sealed record ApiMethod
{
    /// <summary>The path as written in an Action, e.g. <c>idToken.setCustomClaim</c>; also the command's name.</summary>
    public required string Path { get; init; }

    /// <summary>Documentation shown in the editor.</summary>
    public required string Doc { get; init; }

    /// <summary>The parameters, in order.</summary>
    public IReadOnlyList<ApiParameter> Parameters { get; init; } = [];

    /// <summary>The TypeScript return type; <see cref="ApiTypeReturn"/> means the method returns <c>api</c> for chaining.</summary>
    public string Returns { get; init; } = "void";

    /// <summary>False for methods that only compute (cache reads, token helpers) and change nothing.</summary>
    public bool Records { get; init; } = true;

    /// <summary>
    /// JavaScript statements run before the command is recorded, with the parameters, <c>args</c>,
    /// <c>ctx</c> (the execution) and <c>api</c> in scope; they validate (throw) or apply effects.
    /// </summary>
    public string? Guard { get; init; }

    /// <summary>A JavaScript expression for the return value, replacing the default.</summary>
    public string? Result { get; init; }

    /// <summary>Marks a return type that is the trigger's own api type.</summary>
    public const string ApiTypeReturn = "API";
}
