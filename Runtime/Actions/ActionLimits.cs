namespace Flowgate.Runtime.Actions;

/// <summary>Auth0's documented limits on an Action, enforced at save.</summary>
public static class ActionLimits
{
    public const int MaxCodeBytes = 100 * 1024;
    public const int MaxSecrets = 30;
    public const int MaxSecretNameLength = 128;
    public const int MaxSecretValueLength = 4096;
    public const int MaxDependencies = 10;
    public const int MaxNameLength = 200;
    public const int MaxBindingsPerTrigger = 20;
    public const string DefaultRuntime = "node22";
    public static readonly IReadOnlyList<string> Runtimes = [DefaultRuntime, "node18"];
}
