using System.Net;
using Flowgate.Runtime.Flows.Parking;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Runtime.Sandbox;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login;

/// <summary>
/// A login waiting for the browser is parked in the database: another instance on the same database (or the same
/// one after a restart) takes it up, the database holds neither its state nor its contents in the clear, and it is
/// applied once.
/// </summary>
public sealed class ParkedLoginTests
{
    private const string Secret = "a secret shared with the terms site";

    private const string Terms = $$"""
        exports.onExecutePostLogin = async (event, api) => {
          api.redirect.sendUserTo('https://terms.example.com/accept');
        };
        exports.onContinuePostLogin = async (event, api) => {
          const payload = api.redirect.validateToken({ secret: '{{Secret}}' });
          api.idToken.setCustomClaim('https://flowgate.test/terms', payload.accepted);
        };
        """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_login_one_instance_parked_is_continued_on_another_and_its_secrets_are_not_stored_in_the_clear(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using var first = new FlowgateApp(database);
        using var second = new FlowgateApp(database);
        await first.DeployFlowAsync("post-login", ("terms", Terms));
        var spa = await first.CreateSpaAsync();
        var user = await first.CreateUserAsync();
        var cookies = new System.Net.CookieContainer(); // one browser, whose requests the load balancer spreads
        using var viaFirst = first.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var viaSecond = second.CreateDefaultClient(new CookieContainerHandler(cookies));

        var outside = await viaFirst.LogInAsync(spa.ClientId, user.Email!);
        var state = QueryHelpers.ParseQuery(outside.Query)["state"].ToString();
        await using (var db = await first.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync())
        {
            var parked = await db.ParkedTransactions.SingleAsync();
            Assert.DoesNotContain(state, parked.Id);
            Assert.DoesNotContain(Secret, parked.Payload); // the parked flow carries the Actions' code and secrets
            Assert.DoesNotContain(user.Id, parked.Payload);
        }

        var token = SessionTokens.Sign(Secret, new { sub = user.Id, iss = "localhost", exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(), state, accepted = true });
        var back = await viaSecond.GetAsync($"/continue?state={state}&session_token={token}");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = (await viaSecond.GetAsync(back.Headers.Location)).Headers.Location!;
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code), callback.ToString());

        var idToken = await viaFirst.ExchangeCodeAsync(spa.ClientId, code);
        Assert.Equal("true", idToken.Claims.Single(c => c.Type == "https://flowgate.test/terms").Value);
        Assert.Equal("invalid_request", await HostedErrors.RefusedAsync(viaFirst, $"/continue?state={state}&session_token={token}"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_parked_transaction_is_taken_once_even_by_requests_racing_for_it(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using var app = new FlowgateApp(database);
        string state;
        await using (var scope = app.Services.CreateAsyncScope())
            state = await scope.ServiceProvider.GetRequiredService<ParkedTransactions>().AddAsync("{\"n\":1}", TimeSpan.FromMinutes(1), CancellationToken.None);

        var takes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ParkedTransactions>().TakeAsync(state, CancellationToken.None);
        }));

        Assert.Equal(["{\"n\":1}"], takes.Where(t => t is not null));
    }

    [Fact]
    public async Task An_expired_transaction_is_not_found_and_is_swept_when_the_next_one_is_parked()
    {
        using var app = new FlowgateApp();
        await using var scope = app.Services.CreateAsyncScope();
        var parked = scope.ServiceProvider.GetRequiredService<ParkedTransactions>();

        var expired = await parked.AddAsync("{}", TimeSpan.FromMilliseconds(-1), CancellationToken.None);
        Assert.Null(await parked.FindAsync(expired, CancellationToken.None));
        await parked.AddAsync("{}", TimeSpan.FromMinutes(1), CancellationToken.None);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.ParkedTransactions.CountAsync());
    }
}
