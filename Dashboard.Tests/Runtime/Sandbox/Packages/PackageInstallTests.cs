using System.Text.Json.Nodes;
using Flowgate.Runtime.Sandbox;
using Flowgate.Shared.Execution;

namespace Flowgate.Tests.Runtime.Sandbox.Packages;

/// <summary>What an install refuses, and that a filled cache serves a restarted sandbox without the registry.</summary>
public sealed class PackageInstallTests : IAsyncLifetime
{
    private const string UsesGreeter = """exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('g', require('greeter')('ada')); };""";

    private static readonly TestPackage Greeter = new("greeter", "1.0.0")
    {
        Dependencies = { ["shouter"] = "~2.1.0" },
        Files = { ["index.js"] = "const shout = require('shouter'); module.exports = n => 'hi ' + shout(n);" },
    };

    private static readonly TestPackage[] Shouters = new[] { "2.0.9", "2.1.0", "2.1.5", "2.2.0" }
        .Select(v => new TestPackage("shouter", v) { Files = { ["index.js"] = $"module.exports = s => s.toUpperCase() + ' ({v})';" } })
        .ToArray();

    private static readonly TestPackage Bcrypt = new("bcrypt", "5.1.1")
    {
        Manifest = new JsonObject { ["scripts"] = new JsonObject { ["install"] = "node-pre-gyp install --fallback-to-build" } },
        Files = { ["binding.gyp"] = "{ 'targets': [] }", ["bcrypt.js"] = "module.exports = require('./build/bcrypt_lib.node');" },
    };

    private static readonly TestPackage Hasher = new("hasher", "1.0.0") { Dependencies = { ["bcrypt"] = "^5.0.0" }, Files = { ["index.js"] = "" } };

    private static readonly TestPackage Tampered = new("tampered", "1.0.0")
    {
        Files = { ["index.js"] = "module.exports = 'evil';" },
        Integrity = "sha512-" + Convert.ToBase64String(new byte[64]),
    };

    private static readonly TestPackage Escaper = new("escaper", "1.0.0")
    {
        Files = { ["index.js"] = "" },
        RawEntries = [KeyValuePair.Create("package/../../../escaped.js", "pwned")],
    };

    private static readonly TestPackage Veteran = new("veteran", "1.0.1")
    {
        LegacyOwnerFields = true,
        Files = { ["index.js"] = "module.exports = require('./lib/equal');", ["lib/equal.js"] = "module.exports = (a, b) => a === b;" },
        SymbolicLinks = { ["package/passwd.js"] = "/etc/passwd", ["package/lib/up.js"] = "../../../outside.js" },
    };

    private TestNpmRegistry _registry = null!;
    private readonly string _data = Directory.CreateTempSubdirectory("flowgate-npm-").FullName;

    public async Task InitializeAsync() =>
        _registry = (await TestNpmRegistry.StartAsync()).Publish([Greeter, .. Shouters, Bcrypt, Hasher, Tampered, Escaper, Veteran]);

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private V8ActionSandbox Sandbox(Uri? registry = null) => new(new SandboxOptions { DataDirectory = _data, NpmRegistry = registry ?? _registry.Url });

    private static ActionExecutionRequest Request(string code, string name, string version) =>
        ActionRequests.PostLogin(code) with { Dependencies = [new ActionDependency(name, version)] };

    private async Task<ActionError> PrepareFails(string name, string version)
    {
        await using var sandbox = Sandbox();
        return await sandbox.PrepareAsync(Request($"require('{name}');", name, version), CancellationToken.None)
            ?? throw new Xunit.Sdk.XunitException($"{name}@{version} was installed");
    }

    [Fact]
    public async Task A_restarted_sandbox_runs_from_the_cache_with_the_registry_stopped()
    {
        await using (var first = Sandbox())
        {
            var installed = await first.ExecuteAsync(Request(UsesGreeter, "greeter", "1.0.0"), CancellationToken.None);
            Assert.Equal("""["g","hi ADA (2.1.5)"]""", installed.Commands.Single().Args());
        }
        Assert.True(File.Exists(Path.Combine(_data, "npm", "shouter", "2.1.5", "package", "index.js")));
        await _registry.StopAsync();
        var requests = _registry.Requests;

        await using var restarted = Sandbox();
        var offline = await restarted.ExecuteAsync(Request(UsesGreeter, "greeter", "1.0.0") with { VersionId = "after-restart" }, CancellationToken.None);

        Assert.Null(offline.Error);
        Assert.Equal("""["g","hi ADA (2.1.5)"]""", offline.Commands.Single().Args());
        Assert.Equal(requests, _registry.Requests);
    }

    [Fact]
    public async Task A_native_add_on_is_refused_with_the_pure_javascript_alternative()
    {
        var direct = await PrepareFails("bcrypt", "5.1.1");
        var transitive = await PrepareFails("hasher", "1.0.0");

        Assert.Equal("DependencyError", direct.Name);
        Assert.Equal(ActionErrorClass.ActionError, direct.Class);
        Assert.Equal("The package 'bcrypt@5.1.1' needs a native add-on, which Actions cannot load; use a pure-JavaScript package (e.g. bcryptjs).", direct.Message);
        Assert.StartsWith("The package 'bcrypt@5.1.1' (a dependency of hasher@1.0.0) needs a native add-on", transitive.Message);
        Assert.False(Directory.Exists(Path.Combine(_data, "npm", "bcrypt", "5.1.1")));
        Assert.False(Directory.Exists(Path.Combine(_data, "npm", "hasher", "1.0.0")));
    }

    [Fact]
    public async Task A_tarball_that_does_not_match_its_integrity_is_refused()
    {
        var error = await PrepareFails("tampered", "1.0.0");

        Assert.Contains("'tampered@1.0.0' failed its integrity check (sha512)", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_data, "npm", "tampered")));
    }

    [Fact]
    public async Task A_tarball_entry_that_climbs_out_of_the_package_is_refused_and_nothing_is_written()
    {
        var error = await PrepareFails("escaper", "1.0.0");

        Assert.Contains("'escaper@1.0.0' contains an entry that points outside the package ('package/../../../escaped.js')", error.Message);
        Assert.Empty(Directory.EnumerateFiles(_data, "escaped.js", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_data, "npm", ".staging")));
    }

    [Fact]
    public async Task An_old_npm_tarball_installs_and_its_symbolic_links_are_not_followed_or_written()
    {
        await using var sandbox = Sandbox();
        var result = await sandbox.ExecuteAsync(Request("""
            exports.onExecutePostLogin = async (event, api) => {
              const missing = name => { try { require(name); return 'loaded'; } catch (e) { return e.code; } };
              api.idToken.setCustomClaim('v', [require('veteran')(1, 1), missing('veteran/passwd'), missing('veteran/lib/up')]);
            };
            """, "veteran", "1.0.1"), CancellationToken.None);

        Assert.Equal("""["v",[true,"MODULE_NOT_FOUND","MODULE_NOT_FOUND"]]""", result.Commands.Single().Args());
        var installed = Path.Combine(_data, "npm", "veteran", "1.0.1", "package");
        Assert.Equal(["index.js", "lib/equal.js", "package.json"], Directory.EnumerateFiles(installed, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(installed, f).Replace('\\', '/')).Order());
    }

    [Fact]
    public async Task Unknown_packages_and_versions_and_an_unreachable_registry_fail_with_the_reason()
    {
        var unknown = await PrepareFails("no-such-package", "1.0.0");
        var version = await PrepareFails("greeter", "9.9.9");
        await using var offline = Sandbox(new Uri("http://127.0.0.1:9/"));
        var unreachable = await offline.PrepareAsync(Request("", "not-cached", "1.0.0"), CancellationToken.None);

        Assert.Equal("The package 'no-such-package' does not exist in the npm registry.", unknown.Message);
        Assert.Equal("The registry lists no tarball for 'greeter@9.9.9'.", version.Message);
        Assert.Equal(ActionErrorClass.PlatformError, unreachable!.Class);
        Assert.StartsWith("The npm registry could not be reached to resolve 'not-cached'", unreachable.Message);
        Assert.DoesNotContain("127.0.0.1", unreachable.Message);
    }
}
