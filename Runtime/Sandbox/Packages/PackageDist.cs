namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>A version's tarball address and the hashes the registry publishes for it.</summary>
internal sealed record PackageDist(Uri Tarball, string? Integrity, string? Shasum);
