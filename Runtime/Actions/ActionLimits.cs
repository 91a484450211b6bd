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

    /// <summary>Why the code is too large to save or deploy; null when it fits.</summary>
    public static string? CodeSizeProblem(string code) =>
        System.Text.Encoding.UTF8.GetByteCount(code) > MaxCodeBytes ? $"The code is larger than {MaxCodeBytes / 1024} kB." : null;

    /// <summary>A list page within bounds: page from 0, 1 to 100 items.</summary>
    public static (int Page, int PerPage) Paging(int page, int perPage) => (Math.Max(page, 0), Math.Clamp(perPage, 1, 100));
}
