namespace Flowgate.Shared.Flows;

/// <summary>A <c>validation.error</c>: the code goes to the logs, the message to the user.</summary>
public sealed record ValidationFailure(string Code, string Message);
