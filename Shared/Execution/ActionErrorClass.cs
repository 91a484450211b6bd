namespace Flowgate.Shared.Execution;

/// <summary>Auth0's <c>error_class</c> for a failed execution.</summary>
public enum ActionErrorClass
{
    /// <summary>The Action's code threw, or the code could not be loaded.</summary>
    ActionError,

    /// <summary>The execution passed its deadline.</summary>
    ActionTimeout,

    /// <summary>The platform failed (worker died, quarantined Action, resource limit of the isolate).</summary>
    PlatformError,
}
