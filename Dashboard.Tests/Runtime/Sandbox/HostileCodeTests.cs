using Flowgate.Shared.Execution;

namespace Flowgate.Tests.Runtime.Sandbox;

/// <summary>Hostile Actions fail their own execution with a clear error and leave the sandbox serving.</summary>
public sealed class HostileCodeTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Healthy = "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('ok', true); };";

    private Task<ActionExecutionResult> Run(ActionExecutionRequest request) => fixture.Sandbox.ExecuteAsync(request, CancellationToken.None);

    private static string Handler(string body) => "exports.onExecutePostLogin = async (event, api) => { " + body + " };";

    private async Task AssertStillServing(string tenant)
    {
        var result = await Run(ActionRequests.PostLogin(Healthy, tenant: tenant));
        Assert.Null(result.Error);
        Assert.Single(result.Commands);
    }

    [Fact]
    public async Task An_infinite_loop_times_out()
    {
        var result = await Run(ActionRequests.PostLogin(Handler("while (true) {}"), tenant: "loop", timeoutMs: 200));

        Assert.Equal(ActionErrorClass.ActionTimeout, result.Error!.Class);
        await AssertStillServing("loop");
    }

    [Fact]
    public async Task An_infinite_loop_after_an_await_times_out()
    {
        var result = await Run(ActionRequests.PostLogin(Handler("await new Promise(r => setTimeout(r, 5)); while (true) {}"), tenant: "async-loop", timeoutMs: 300));

        Assert.Equal(ActionErrorClass.ActionTimeout, result.Error!.Class);
        await AssertStillServing("async-loop");
    }

    [Fact]
    public async Task A_never_settling_promise_times_out()
    {
        var result = await Run(ActionRequests.PostLogin(Handler("await new Promise(() => {});"), tenant: "pending", timeoutMs: 100));

        Assert.Equal(ActionErrorClass.ActionTimeout, result.Error!.Class);
    }

    [Theory]
    [InlineData("recursion", "const f = n => f(n + 1) + 1; f(0);")]
    [InlineData("arraybuffer", "const all = []; for (let i = 0; i < 100; i++) all.push(new ArrayBuffer(8 << 20));")]
    [InlineData("string", "let s = 'x'; for (;;) s += s;")]
    public async Task Recursion_and_allocation_bombs_are_range_errors(string tenant, string body)
    {
        var result = await Run(ActionRequests.PostLogin(Handler(body), tenant: tenant));

        Assert.Equal("RangeError", result.Error!.Name);
        await AssertStillServing(tenant);
    }

    [Fact]
    public async Task A_heap_breach_discards_only_that_tenants_isolate()
    {
        await AssertStillServing("bystander");
        var result = await Run(ActionRequests.PostLogin(Handler("const all = []; for (;;) all.push({ a: [1, 2, 3], b: 'x' + all.length });"), tenant: "heap"));

        Assert.NotNull(result.Error);
        Assert.Contains("memory", result.Error.Message, StringComparison.OrdinalIgnoreCase);
        await AssertStillServing("heap");
        await AssertStillServing("bystander");
    }

    [Theory]
    [InlineData("fs")]
    [InlineData("child_process")]
    [InlineData("node:net")]
    public async Task Requiring_node_io_modules_fails(string module)
    {
        var result = await Run(ActionRequests.PostLogin(Handler($"require('{module}');")));

        Assert.Equal("Error", result.Error!.Name);
        Assert.Contains("Cannot find module", result.Error.Message);
    }

    [Fact]
    public async Task Process_carries_no_authority_no_host_environment_and_cannot_exit()
    {
        var result = await Run(ActionRequests.PostLogin(Handler("""
            const reach = ['binding', 'dlopen', 'kill', 'mainModule', 'chdir', 'abort', 'stdout'].filter(k => process[k] !== undefined);
            let changed;
            try { process.env.PATH = '/tmp'; changed = process.env.PATH === undefined ? 'unchanged' : 'changed'; } catch (e) { changed = e.name; }
            api.idToken.setCustomClaim('t', [reach, Object.keys(process.env), changed]);
            process.exit(1);
            """)));

        Assert.Equal("Error", result.Error!.Name);
        Assert.Equal("process.exit() is not available in Actions", result.Error.Message);
        Assert.Equal("""["t",[[],[],"unchanged"]]""", result.Commands.Single().Args());
    }

    [Fact]
    public async Task No_global_reaches_a_host_object()
    {
        var result = await Run(ActionRequests.PostLogin(Handler("""
            const names = Object.getOwnPropertyNames(globalThis);
            const hostish = names.filter(n => { try { const v = globalThis[n]; return v && typeof v === 'object' && typeof v.GetType === 'function'; } catch { return true; } });
            api.idToken.setCustomClaim('hostish', hostish);
            api.idToken.setCustomClaim('probes', [typeof host, typeof clr, typeof mscorlib, typeof xHost, typeof WebAssembly, typeof require('crypto').createHash('sha256').GetType]);
            """)));

        Assert.Null(result.Error);
        Assert.Equal("""["hostish",[]]""", result.Commands[0].Args());
        Assert.Equal("""["probes",["undefined","undefined","undefined","undefined","undefined","undefined"]]""", result.Commands[1].Args());
    }

    [Fact]
    public async Task Fetch_refuses_loopback_and_private_addresses()
    {
        var result = await Run(ActionRequests.PostLogin(Handler("""
            const out = [];
            for (const url of ['http://127.0.0.1/admin', 'http://localhost:5000/', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.1/', 'http://[::1]/', 'file:///etc/passwd']) {
              try { await fetch(url); out.push('reached ' + url); } catch (e) { out.push(e.message); }
            }
            api.idToken.setCustomClaim('fetch', out);
            """)));

        Assert.Null(result.Error);
        var messages = result.Commands.Single().Args();
        Assert.DoesNotContain("reached", messages);
        Assert.Contains("loopback, private or link-local", messages);
        Assert.Contains("only http and https", messages);
    }

    [Fact]
    public async Task Prototype_pollution_does_not_reach_the_next_execution_or_another_tenant()
    {
        const string polluter = """
            exports.onExecutePostLogin = async (event, api) => {
              try { Object.prototype.isAdmin = true; } catch {}
              try { Array.prototype.includes = () => true; } catch {}
              try { JSON.parse = () => ({}); } catch {}
              try { globalThis.Promise = null; } catch {}
            };
            """;
        const string probe = """
            exports.onExecutePostLogin = async (event, api) => {
              api.idToken.setCustomClaim('p', [({}).isAdmin === true, [].includes(1), typeof JSON.parse('{"a":1}').a, typeof Promise]);
            };
            """;
        Assert.Null((await Run(ActionRequests.PostLogin(polluter, tenant: "polluter"))).Error);

        var sameVersion = await Run(ActionRequests.PostLogin(polluter + "\nexports.onContinuePostLogin = exports.onExecutePostLogin;", tenant: "polluter"));
        var sameTenant = await Run(ActionRequests.PostLogin(probe, tenant: "polluter"));
        var otherTenant = await Run(ActionRequests.PostLogin(probe, tenant: "victim"));

        Assert.Null(sameVersion.Error);
        Assert.Equal("""["p",[false,false,"number","function"]]""", sameTenant.Commands.Single().Args());
        Assert.Equal("""["p",[false,false,"number","function"]]""", otherTenant.Commands.Single().Args());
    }

    [Fact]
    public async Task Code_over_100_kB_is_refused()
    {
        var result = await Run(ActionRequests.PostLogin(Healthy + "\n//" + new string('x', 101 * 1024)));

        Assert.Equal("RangeError", result.Error!.Name);
        Assert.Contains("limit", result.Error.Message);
    }

    [Fact]
    public async Task A_thousand_parallel_executions_across_tenants_all_complete()
    {
        var requests = Enumerable.Range(0, 1000).Select(i => ActionRequests.PostLogin(
            $"exports.onExecutePostLogin = async (event, api) => {{ await null; api.idToken.setCustomClaim('n', {i % 10}); }};",
            tenant: $"parallel-{i % 4}"));

        var results = await Task.WhenAll(requests.Select(r => Task.Run(() => Run(r))));

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(1000, results.Count(r => r.Commands.Count == 1));
    }
}
