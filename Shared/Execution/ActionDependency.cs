namespace Flowgate.Shared.Execution;

/// <summary>An npm package an Action declares, pinned to one version.</summary>
/// <param name="Name">The package name, e.g. <c>lodash</c>.</param>
/// <param name="Version">The exact version, e.g. <c>4.17.21</c>.</param>
public sealed record ActionDependency(string Name, string Version);
