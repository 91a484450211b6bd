using System.Net;
using System.Text.Json;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Monitoring;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Runtime.Sandbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login;

/// <summary>A post-login Action sends the browser away; the login finishes after <c>/continue</c>.</summary>
public sealed class RedirectActionTests : IClassFixture<FlowgateAppFixture>
{
    private const string Secret = "a secret shared with the terms site";

    private const string Terms = $$"""
        exports.onExecutePostLogin = async (event, api) => {
          if (!event.user.app_metadata.terms_accepted) {
            api.user.setUserMetadata('asked_for_terms', true);
            api.redirect.sendUserTo('https://terms.example.com/accept', { query: { email: event.user.email } });
          }
        };
        exports.onContinuePostLogin = async (event, api) => {
          const payload = api.redirect.validateToken({ secret: '{{Secret}}' });
          api.user.setAppMetadata('terms_accepted', payload.accepted);
          api.idToken.setCustomClaim('https://flowgate.test/terms', payload.accepted);
        };
        """;

    private const string After = """
        exports.onExecutePostLogin = async (event, api) => {
          api.idToken.setCustomClaim('https://flowgate.test/after', 'ran');
        };
        """;

    private readonly FlowgateApp _app;

    public RedirectActionTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task The_browser_goes_to_the_action_site_and_the_login_completes_after_continue_with_the_rest_of_the_flow()
    {
        await _app.DeployFlowAsync("post-login", ("terms", Terms), ("after", After));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var http = _app.CreateBrowserClient();

        var outside = await http.LogInAsync(spa.ClientId, user.Email!);
        Assert.Equal("terms.example.com", outside.Host);
        var query = QueryHelpers.ParseQuery(outside.Query);
        Assert.Equal(user.Email, query["email"].ToString());
        var state = query["state"].ToString();
        Assert.True(JsonDocument.Parse((await FindUserAsync(user.Id)).UserMetadataJson).RootElement.GetProperty("asked_for_terms").GetBoolean(),
            "metadata written before a redirect is saved before the browser leaves");

        var token = SessionTokens.Sign(Secret, new { sub = user.Id, iss = "localhost", exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(), state, accepted = true });
        var back = await http.GetAsync($"/continue?state={state}&session_token={token}");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = (await http.GetAsync(back.Headers.Location)).Headers.Location!;
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code), callback.ToString());

        var idToken = await http.ExchangeCodeAsync(spa.ClientId, code);
        Assert.Equal("true", idToken.Claims.Single(c => c.Type == "https://flowgate.test/terms").Value);
        Assert.Equal("ran", idToken.Claims.Single(c => c.Type == "https://flowgate.test/after").Value);
        Assert.True(JsonDocument.Parse((await FindUserAsync(user.Id)).AppMetadataJson).RootElement.GetProperty("terms_accepted").GetBoolean());
        Assert.Equal("invalid_request", await HostedErrors.RefusedAsync(http, $"/continue?state={state}&session_token={token}"));
    }

    [Fact]
    public async Task A_forged_session_token_denies_the_login_and_another_browser_cannot_continue_it()
    {
        await _app.DeployFlowAsync("post-login", ("terms", Terms));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var http = _app.CreateBrowserClient();
        var state = QueryHelpers.ParseQuery((await http.LogInAsync(spa.ClientId, user.Email!)).Query)["state"].ToString();
        var forged = SessionTokens.Sign("not the secret", new { sub = user.Id, iss = "localhost", exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(), state, accepted = true });

        var stranger = await HostedErrors.RefusedAsync(_app.CreateBrowserClient(), $"/continue?state={state}&session_token={forged}");
        var back = await http.GetAsync($"/continue?state={state}&session_token={forged}");
        var callback = (await http.GetAsync(back.Headers.Location)).Headers.Location!;

        Assert.Equal("invalid_request", stranger);
        var error = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("access_denied", error["error"].ToString());
        // The app learns that an Action failed and where to look; the Action's own message is in its execution.
        var description = error["error_description"].ToString();
        Assert.DoesNotContain("signature", description);
        var executionId = System.Text.RegularExpressions.Regex.Match(description, @"\(execution (\S+)\)").Groups[1].Value;
        await _app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        await using var scope = _app.Services.CreateAsyncScope();
        var execution = await scope.ServiceProvider.GetRequiredService<ExecutionLog>().GetAsync(executionId, CancellationToken.None);
        Assert.Contains(execution.Results, r => r.ErrorMessage?.Contains("signature is invalid") == true);
    }

    private async Task<TenantUser> FindUserAsync(string id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>().FindByIdAsync(id))!;
    }
}
