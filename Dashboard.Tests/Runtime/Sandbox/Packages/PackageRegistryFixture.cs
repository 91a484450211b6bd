using Flowgate.Runtime.Sandbox;

namespace Flowgate.Tests.Runtime.Sandbox.Packages;

/// <summary>
/// A local registry publishing <see cref="TestPackages.All"/> and an in-process sandbox that installs
/// from it into a data directory of its own.
/// </summary>
public sealed class PackageRegistryFixture : IAsyncLifetime
{
    internal TestNpmRegistry Registry { get; private set; } = null!;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("flowgate-npm-").FullName;

    public V8ActionSandbox Sandbox { get; private set; } = null!;

    public SandboxOptions Options(long maxPackageSourceBytes = 5L << 20) => new()
    {
        DataDirectory = DataDirectory,
        NpmRegistry = Registry.Url,
        MaxPackageSourceBytes = maxPackageSourceBytes,
    };

    public async Task InitializeAsync()
    {
        Registry = (await TestNpmRegistry.StartAsync()).Publish(TestPackages.All);
        Sandbox = new V8ActionSandbox(Options());
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Registry.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
