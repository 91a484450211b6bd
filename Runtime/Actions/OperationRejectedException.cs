namespace Flowgate.Runtime.Actions;

/// <summary>An operation refused for a reason the caller can act on; the message is shown to them as is.</summary>
public sealed class OperationRejectedException(RejectionKind kind, string message) : Exception(message)
{
    public RejectionKind Kind { get; } = kind;

    /// <summary>A machine-readable reason (Auth0's <c>errorCode</c>), e.g. <c>saved_tests_failed</c>, when callers act on it.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>
    /// The sentence a person reads in the dashboard when <see cref="Exception.Message"/> follows an API format with an
    /// internal code (Auth0's <c>PasswordStrengthError: ...</c>); null when the message is already that sentence.
    /// </summary>
    public string? DisplayMessage { get; init; }

    public static OperationRejectedException NotFound(string what, string id) => new(RejectionKind.NotFound, $"{what} not found: {id}");
}
