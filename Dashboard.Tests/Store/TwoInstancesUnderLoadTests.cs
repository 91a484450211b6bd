using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Tests.Store;

/// <summary>
/// Two instances on one PostgreSQL behind a load balancer that spreads each browser's requests: concurrent logins
/// through a bound post-login Action, each signed in on one instance and its code redeemed on the other.
/// </summary>
public sealed class TwoInstancesUnderLoadTests
{
    private const string Plan = """
        exports.onExecutePostLogin = async (event, api) => {
          api.idToken.setCustomClaim('https://flowgate.test/seen', event.user.email);
        };
        """;

    [Fact]
    public async Task Forty_concurrent_logins_hopping_between_two_instances_on_PostgreSQL_all_get_their_tokens()
    {
        using var database = TestDatabase.Create(DatabaseProvider.PostgreSql);
        using var first = new FlowgateApp(database);
        using var second = new FlowgateApp(database);
        await first.DeployAndBindAsync(("seen", Plan));
        var spa = await first.CreateSpaAsync();
        // One user per login: forty people, not one account signing in forty times at once.
        var users = new List<Flowgate.Runtime.Identity.TenantUser>();
        for (var i = 0; i < 40; i++)
            users.Add(await first.CreateUserAsync());
        FlowgateApp[] instances = [first, second];

        // Any failing step (a 5xx, a lost login, a missing claim) fails its login's assertion inside.
        var claims = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var signIn = instances[i % 2].CreateBrowserClient();
            using var redeem = instances[(i + 1) % 2].CreateBrowserClient();
            var callback = await signIn.LogInAsync(spa.ClientId, users[i].Email!);
            var code = QueryHelpers.ParseQuery(callback.Query).GetValueOrDefault("code").ToString();
            Assert.False(string.IsNullOrEmpty(code), callback.ToString());
            var idToken = await redeem.ExchangeCodeAsync(spa.ClientId, code);
            return idToken.Claims.Single(c => c.Type == "https://flowgate.test/seen").Value;
        }));

        Assert.Equal(users.Select(u => u.Email), claims);
    }
}
