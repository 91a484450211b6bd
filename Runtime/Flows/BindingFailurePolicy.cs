namespace Flowgate.Runtime.Flows;

/// <summary>What a failing Action does to its flow.</summary>
public enum BindingFailurePolicy
{
    /// <summary>An error or timeout fails the trigger (Auth0's behaviour).</summary>
    FailClosed = 0,
    /// <summary>The error is logged and the flow goes on without this Action's commands.</summary>
    ContinueOnError = 1,
}
