namespace Flowgate.Runtime.Actions.Canaries;

/// <summary>How a canary ended.</summary>
public enum CanaryEnd
{
    /// <summary>The canary became the deployed version (100 %).</summary>
    Promoted,
    /// <summary>The canary stopped; every execution runs the version deployed before it.</summary>
    RolledBack,
}
