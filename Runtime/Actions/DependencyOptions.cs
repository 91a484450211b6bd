namespace Flowgate.Runtime.Actions;

/// <summary>The <c>Dependencies</c> section: where npm packages for Actions come from.</summary>
public sealed class DependencyOptions
{
    public const string Section = "Dependencies";

    /// <summary>The npm registry (public registry by default; a mirror in closed networks).</summary>
    public Uri Registry { get; set; } = new("https://registry.npmjs.org/");
}
