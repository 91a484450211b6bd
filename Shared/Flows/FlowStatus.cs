namespace Flowgate.Shared.Flows;

/// <summary>How a trigger execution ended.</summary>
public enum FlowStatus
{
    /// <summary>Every Action ran; the transaction goes on with the merged outcome.</summary>
    Completed,

    /// <summary>An Action denied the transaction (deny, session revoke or validation error); later Actions did not run.</summary>
    Denied,

    /// <summary>An Action asked for a redirect, a prompt or an MFA challenge; resume with the suspension.</summary>
    Suspended,

    /// <summary>An Action threw (or timed out, or its worker died); the trigger failed.</summary>
    Failed,

    /// <summary>An asynchronous trigger was started and the caller does not wait for it.</summary>
    Dispatched,
}
