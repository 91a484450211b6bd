namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// Bounds on what one install may download and unpack, so a hostile or oversized package (a gzip
/// bomb, a million tiny files, a dependency explosion) is refused instead of filling the disk.
/// The source an Action actually loads is bounded separately by <see cref="SandboxOptions.MaxPackageSourceBytes"/>.
/// </summary>
internal static class PackageLimits
{
    /// <summary>Largest registry document read (the abbreviated form is requested; full ones of huge packages reach tens of MB).</summary>
    public const long MaxPackumentBytes = 32L << 20;

    /// <summary>Largest tarball downloaded, compressed.</summary>
    public const long MaxTarballBytes = 50L << 20;

    /// <summary>Largest unpacked size of one package.</summary>
    public const long MaxUnpackedBytes = 50L << 20;

    /// <summary>Most files in one package (lodash has about 1,050).</summary>
    public const int MaxFiles = 10_000;

    /// <summary>Most packages in one Action's dependency tree.</summary>
    public const int MaxPackages = 250;
}
