using System.Text.Json;
using Flowgate.Runtime.Sandbox.Cache;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Runtime.Sandbox.Cache;

/// <summary>Auth0's api.cache kept per tenant and trigger across executions (in-process sandbox, host-side cache).</summary>
public sealed class ActionCacheTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly TestClock _clock = new();

    private CachingSandbox Sandbox() => new(fixture.Sandbox, new ActionCaches(_clock));

    // Reads the record and reports it as a claim; sets it when absent (how Actions keep an API token between logins).
    private static string ReadOrSet(string handler) => $$"""
        exports.{{handler}} = async (event, api) => {
          const hit = api.cache.get('token');
          if (!hit) api.cache.set('token', 'fetched-once', { ttl: 60000 });
          api.accessToken.setCustomClaim('cached', hit ? hit.value : null);
        };
        """;

    private static async Task<string?> CachedClaimAsync(CachingSandbox sandbox, string trigger, string tenant)
    {
        var handler = trigger == "post-login" ? "onExecutePostLogin" : "onExecuteCredentialsExchange";
        var result = await sandbox.ExecuteAsync(ActionRequests.For(trigger, ReadOrSet(handler), tenant: tenant), CancellationToken.None);
        Assert.Null(result.Error);
        var claim = result.Commands.Single(c => c.Method == "accessToken.setCustomClaim").Args[1];
        return claim.ValueKind == JsonValueKind.Null ? null : claim.GetString();
    }

    [Theory]
    [InlineData("post-login")]
    [InlineData("credentials-exchange")]
    public async Task A_value_set_in_one_execution_is_read_in_the_next(string trigger)
    {
        var sandbox = Sandbox();

        Assert.Null(await CachedClaimAsync(sandbox, trigger, "cache-a"));
        Assert.Equal("fetched-once", await CachedClaimAsync(sandbox, trigger, "cache-a"));
    }

    [Fact]
    public async Task Records_are_scoped_to_the_tenant_and_the_trigger()
    {
        var sandbox = Sandbox();
        await CachedClaimAsync(sandbox, "post-login", "cache-b");

        Assert.Null(await CachedClaimAsync(sandbox, "credentials-exchange", "cache-b"));
        Assert.Null(await CachedClaimAsync(sandbox, "post-login", "cache-other-tenant"));
        Assert.Equal("fetched-once", await CachedClaimAsync(sandbox, "post-login", "cache-b"));
    }

    [Fact]
    public async Task A_record_expires_after_its_ttl()
    {
        var sandbox = Sandbox();
        await CachedClaimAsync(sandbox, "post-login", "cache-c");
        Assert.Equal("fetched-once", await CachedClaimAsync(sandbox, "post-login", "cache-c"));

        _clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Null(await CachedClaimAsync(sandbox, "post-login", "cache-c"));
    }

    [Fact]
    public async Task Limits_count_records_of_earlier_executions_and_a_delete_is_kept()
    {
        var sandbox = Sandbox();
        var fill = ActionRequests.PostLogin("exports.onExecutePostLogin = async (event, api) => { for (let i = 0; i < 20; i++) api.cache.set('n' + i, 'v'); };", tenant: "cache-d");
        Assert.Null((await sandbox.ExecuteAsync(fill, CancellationToken.None)).Error);

        var next = await sandbox.ExecuteAsync(ActionRequests.PostLogin("""
            exports.onExecutePostLogin = async (event, api) => {
              api.idToken.setCustomClaim('full', api.cache.set('overflow', 'v'));
              api.idToken.setCustomClaim('deleted', api.cache.delete('n0'));
              api.idToken.setCustomClaim('room', api.cache.set('overflow', 'v').type);
              api.idToken.setCustomClaim('missing', api.cache.delete('n0'));
            };
            """, tenant: "cache-d"), CancellationToken.None);
        var after = await sandbox.ExecuteAsync(ActionRequests.PostLogin(
            "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('n0', api.cache.get('n0') ?? null); api.idToken.setCustomClaim('overflow', api.cache.get('overflow').value); };",
            tenant: "cache-d"), CancellationToken.None);

        Assert.Null(next.Error);
        Assert.Equal("""["full",{"type":"error","code":"CacheSizeExceeded"}]""", next.Commands[0].Args());
        Assert.Equal("""["deleted",{"type":"success"}]""", next.Commands[1].Args());
        Assert.Equal("""["room","success"]""", next.Commands[2].Args());
        Assert.Equal("""["missing",{"type":"error","code":"CacheKeyDoesNotExist"}]""", next.Commands[3].Args());
        Assert.Equal("""["n0",null]""", after.Commands[0].Args());
        Assert.Equal("""["overflow","v"]""", after.Commands[1].Args());
    }

    [Fact]
    public async Task Records_cross_the_worker_process_boundary_both_ways()
    {
        await using var supervisor = Worker.SandboxSupervisorTests.Supervisor();
        var sandbox = new CachingSandbox(supervisor, new ActionCaches(_clock));

        Assert.Null(await CachedClaimAsync(sandbox, "post-login", "cache-worker"));
        Assert.Equal("fetched-once", await CachedClaimAsync(sandbox, "post-login", "cache-worker"));
    }
}
