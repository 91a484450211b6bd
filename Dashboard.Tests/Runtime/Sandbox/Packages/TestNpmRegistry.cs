using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Flowgate.Tests.Runtime.Sandbox.Packages;

/// <summary>
/// A tiny npm registry on 127.0.0.1: packuments and .tgz files built in the test, with real
/// <c>dist.integrity</c> (sha512) and <c>dist.shasum</c>, so no test depends on the public registry.
/// </summary>
internal sealed class TestNpmRegistry : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (TestPackage Package, byte[] Tarball)>> _packages = new();
    private readonly WebApplication _app;
    private int _requests;

    private TestNpmRegistry(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Requests served so far (a cached install makes none).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<TestNpmRegistry> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var registry = new TestNpmRegistry(app);
        app.MapGet("/-/tarballs/{name}/{version}.tgz", (string name, string version) => registry.Tarball(name, version));
        app.MapGet("/{name}", (string name) => registry.Packument(name));
        await app.StartAsync();
        registry.Url = new Uri(app.Urls.First() + "/");
        return registry;
    }

    public TestNpmRegistry Publish(params TestPackage[] packages)
    {
        foreach (var package in packages)
        {
            // Built once: a tar entry carries its time, and the published integrity must match what is served.
            _packages.GetOrAdd(package.Name, _ => new())[package.Version] = (package, package.Tarball());
        }
        return this;
    }

    /// <summary>Stops answering: later installs must make do with the cache.</summary>
    public Task StopAsync() => _app.StopAsync();

    private IResult Packument(string name)
    {
        Interlocked.Increment(ref _requests);
        name = Uri.UnescapeDataString(name);
        if (!_packages.TryGetValue(name, out var versions)) return Results.NotFound(new { error = "Not found" });
        var published = new JsonObject();
        foreach (var (version, (package, tarball)) in versions)
        {
            published[version] = new JsonObject
            {
                ["name"] = name,
                ["version"] = version,
                ["dependencies"] = new JsonObject(package.Dependencies.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
                ["dist"] = new JsonObject
                {
                    ["tarball"] = new Uri(Url, $"-/tarballs/{Uri.EscapeDataString(name)}/{version}.tgz").ToString(),
                    ["integrity"] = package.Integrity ?? "sha512-" + Convert.ToBase64String(SHA512.HashData(tarball)),
                    ["shasum"] = Convert.ToHexStringLower(SHA1.HashData(tarball)),
                },
            };
        }
        var latest = versions.Keys.Where(v => !v.Contains('-')).OrderBy(v => new Version(v)).LastOrDefault() ?? versions.Keys.First();
        var document = new JsonObject { ["name"] = name, ["dist-tags"] = new JsonObject { ["latest"] = latest }, ["versions"] = published };
        return Results.Content(document.ToJsonString(), "application/json");
    }

    private IResult Tarball(string name, string version)
    {
        Interlocked.Increment(ref _requests);
        return _packages.TryGetValue(Uri.UnescapeDataString(name), out var versions) && versions.TryGetValue(version, out var published)
            ? Results.Bytes(published.Tarball, "application/octet-stream")
            : Results.NotFound();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
