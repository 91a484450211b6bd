namespace Flowgate.Shared.Flows;

/// <summary>What an uncaught error in one bound Action does to its trigger.</summary>
public enum ActionFailurePolicy
{
    /// <summary>Auth0's behaviour: the trigger fails with the Action's error.</summary>
    FailTrigger,

    /// <summary>The error is recorded and the remaining Actions run; the failed Action's commands are dropped.</summary>
    Continue,
}
