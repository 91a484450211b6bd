namespace Flowgate.Runtime.Actions;

/// <summary>An operation refused for a reason the caller can act on; the message is shown to them as is.</summary>
public sealed class OperationRejectedException(RejectionKind kind, string message) : Exception(message)
{
    public RejectionKind Kind { get; } = kind;

    public static OperationRejectedException NotFound(string what, string id) => new(RejectionKind.NotFound, $"{what} not found: {id}");
}
