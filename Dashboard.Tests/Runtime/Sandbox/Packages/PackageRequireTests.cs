using Flowgate.Runtime.Sandbox;
using Flowgate.Shared.Execution;

namespace Flowgate.Tests.Runtime.Sandbox.Packages;

/// <summary>Actions require their declared npm packages, resolved and loaded as Node would, inside the sandbox.</summary>
public sealed class PackageRequireTests(PackageRegistryFixture fixture) : IClassFixture<PackageRegistryFixture>
{
    private static ActionExecutionRequest Request(string body, params string[] dependencies) =>
        ActionRequests.PostLogin($$"""exports.onExecutePostLogin = async (event, api) => { {{body}} };""")
            with { Dependencies = [.. dependencies.Select(d => new ActionDependency(d.Split('@')[0], d.Split('@')[1]))] };

    private static string Claim(ActionExecutionResult result) =>
        result.Error is null ? result.Commands.Single().Args() : throw new Xunit.Sdk.XunitException($"{result.Error.Name}: {result.Error.Message}");

    private Task<ActionExecutionResult> Run(ActionExecutionRequest request) => fixture.Sandbox.ExecuteAsync(request, CancellationToken.None);

    [Fact]
    public async Task A_package_loads_its_relative_files_its_json_and_a_dependency_chosen_by_range()
    {
        var result = await Run(Request("""
            const kit = require('textkit');
            api.idToken.setCustomClaim('kit', [kit.greet('ada'), kit.padded('ab'), kit.padderVersions, kit.filename]);
            """, "textkit@1.0.0"));

        // ^1.2.0 takes the highest 1.x (1.9.0), not latest (2.0.0); the npm: alias takes exactly 2.0.0.
        Assert.Equal("""["kit",["Hello, ADA!","....ab",["1.9.0","2.0.0"],"/node_modules/textkit/lib/index.js"]]""", Claim(result));
    }

    [Fact]
    public async Task A_lodash_like_package_works_end_to_end_and_its_subpath_files_resolve()
    {
        var result = await Run(Request("""
            const _ = require('lodashy');
            const chunk = require('lodashy/chunk');
            api.idToken.setCustomClaim('l', [_.chunk([1, 2, 3, 4, 5], 2), _.get(event, 'user.email'), _.uniq([1, 1, 2]), chunk([1, 2], 1), _.VERSION]);
            """, "lodashy@4.17.21"));

        Assert.Equal("""["l",[[[1,2],[3,4],[5]],"j+smith@example.com",[1,2],[[1],[2]],"4.17.21"]]""", Claim(result));
    }

    [Fact]
    public async Task Conditional_exports_and_imports_choose_require_and_hide_what_is_not_exported()
    {
        var result = await Run(Request("""
            const dual = require('dual');
            const color = require('dual/features/color');
            const version = require('dual/package.json').version;
            const refused = name => { try { require(name); return 'loaded'; } catch (e) { return e.code; } };
            api.idToken.setCustomClaim('d', [dual.flavor, color, version, refused('dual/cjs/index.js'), refused('dual/internal/secret')]);
            """, "dual@3.0.0"));

        Assert.Equal("""["d",["cjs","blue","3.0.0","ERR_PACKAGE_PATH_NOT_EXPORTED","ERR_PACKAGE_PATH_NOT_EXPORTED"]]""", Claim(result));
    }

    [Fact]
    public async Task A_package_whose_node_build_needs_node_io_loads_its_browser_build_instead()
    {
        var result = await Run(Request("""
            const net = require('netkit');
            const again = require('netkit');
            const legacy = require('legacy-fetch');
            api.idToken.setCustomClaim('b', [net.build, again === net, typeof net.get, legacy.build, require('netkit/package.json').name]);
            """, "netkit@1.0.0", "legacy-fetch@2.7.0"));

        Assert.Equal("""["b",["browser",true,"function","browser","netkit"]]""", Claim(result));
    }

    [Fact]
    public async Task When_the_browser_build_fails_too_the_missing_node_module_is_the_error()
    {
        var result = await Run(Request("require('formish');", "formish@2.1.0"));

        Assert.Equal("Error", result.Error!.Name);
        Assert.Contains("Cannot find module 'fs' (required by /node_modules/formish/lib/node.js)", result.Error.Message);
    }

    [Fact]
    public async Task Modules_are_cached_and_cycles_see_unfinished_exports_as_in_node()
    {
        var result = await Run(Request("""
            const a = require('cycle');
            api.idToken.setCustomClaim('c', [a.done, a.seenByB, require('cycle') === a]);
            """, "cycle@1.0.0"));

        Assert.Equal("""["c",[true,false,true]]""", Claim(result));
    }

    [Theory]
    [InlineData("require('fs')", "Cannot find module 'fs': an Action can require only crypto, url, util, buffer, events, stream (its legacy base only), process and its declared npm dependencies")]
    [InlineData("require('fs-user')", "Cannot find module 'fs' (required by /node_modules/fs-user/index.js)")]
    [InlineData("require('node:child_process')", "Cannot find module 'node:child_process'")]
    [InlineData("require('textkit/lib/missing')", "Cannot find module 'textkit/lib/missing'")]
    [InlineData("require('./local')", "Cannot find module './local'")]
    public async Task Node_io_modules_and_missing_files_stay_refused_with_packages_installed(string call, string message)
    {
        var result = await Run(Request(call + ";", "textkit@1.0.0", "fs-user@1.0.0"));

        Assert.Equal("Error", result.Error!.Name);
        Assert.Contains(message, result.Error.Message);
    }

    [Fact]
    public async Task Built_ins_still_resolve_from_actions_and_packages()
    {
        var result = await Run(Request("""
            api.idToken.setCustomClaim('b', [typeof require('crypto').createHash, typeof require('node:buffer').Buffer, typeof require('util').format, typeof require('url').URL]);
            """, "textkit@1.0.0"));

        Assert.Equal("""["b",["function","function","function","function"]]""", Claim(result));
    }

    [Fact]
    public async Task An_es_module_a_syntax_error_and_too_much_source_fail_with_the_reason()
    {
        await using var small = new V8ActionSandbox(fixture.Options(maxPackageSourceBytes: 1024));

        var esm = await Run(Request("require('esm-only');", "esm-only@1.0.0"));
        var broken = await Run(Request("require('broken');", "broken@1.0.0"));
        var big = await small.ExecuteAsync(Request("require('big');", "big@1.0.0"), CancellationToken.None);

        Assert.Contains("require() of ES Module /node_modules/esm-only/index.js is not supported", esm.Error!.Message);
        Assert.Equal("SyntaxError", broken.Error!.Name);
        Assert.Contains("/node_modules/broken/index.js", broken.Error.Message);
        Assert.Equal("RangeError", big.Error!.Name);
        Assert.Contains("the limit is 1024 bytes", big.Error.Message);
    }

    [Fact]
    public async Task A_prepared_version_runs_warm_with_its_packages()
    {
        var request = Request("""
            const kit = require('textkit');
            api.idToken.setCustomClaim('g', kit.greet('x'));
            """, "textkit@1.0.0");

        Assert.Null((await fixture.Sandbox.PrepareAsync(request, CancellationToken.None)));
        var results = new List<ActionExecutionResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await Run(request));
        }

        Assert.All(results, r => Assert.Equal("""["g","Hello, X!"]""", Claim(r)));
        Assert.All(results, r => Assert.True(r.Stats.Warm));
    }
}
