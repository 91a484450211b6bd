using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login;

/// <summary>pre- and post-user-registration running at the hosted signup page.</summary>
public sealed class RegistrationTriggerTests : IClassFixture<FlowgateAppFixture>
{
    private const string Password = "correct horse battery";
    private readonly FlowgateApp _app;

    public RegistrationTriggerTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Pre_registration_refuses_with_the_message_for_the_user_and_creates_no_account()
    {
        await _app.DeployFlowAsync("pre-user-registration", ("work emails only", """
            exports.onExecutePreUserRegistration = async (event, api) => {
              if (event.user.email.endsWith('@gmail.example')) {
                api.access.deny('personal_email', 'Please <b>use</b> your work email.');
              }
            };
            """));
        var email = $"{Guid.NewGuid():N}@gmail.example";

        var response = await SignUpAsync(email);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Please &lt;b&gt;use&lt;/b&gt; your work email.", page);
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Pre_registration_metadata_is_on_the_new_user()
    {
        await _app.DeployFlowAsync("pre-user-registration", ("trial plan", """
            exports.onExecutePreUserRegistration = async (event, api) => {
              api.user.setAppMetadata('plan', 'trial').user.setUserMetadata('signup_domain', event.user.email.split('@')[1]);
            };
            """));
        var email = $"{Guid.NewGuid():N}@corp.example";

        var response = await SignUpAsync(email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await FindAsync(email);
        Assert.Equal("trial", JsonDocument.Parse(user!.AppMetadataJson).RootElement.GetProperty("plan").GetString());
        Assert.Equal("corp.example", JsonDocument.Parse(user.UserMetadataJson).RootElement.GetProperty("signup_domain").GetString());
    }

    [Fact]
    public async Task A_slow_or_failing_post_registration_action_neither_delays_nor_fails_the_signup()
    {
        await _app.DeployFlowAsync("pre-user-registration");
        await _app.DeployFlowAsync("post-user-registration",
            ("slow welcome", "exports.onExecutePostUserRegistration = async () => { await new Promise(r => setTimeout(r, 8000)); };"),
            ("broken", "exports.onExecutePostUserRegistration = async (event) => { event.user.missing.field = 1; };"));
        var email = $"{Guid.NewGuid():N}@corp.example";

        var clock = Stopwatch.StartNew();
        var response = await SignUpAsync(email);
        clock.Stop();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await FindAsync(email));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"the signup took {clock.Elapsed.TotalMilliseconds:0} ms: it waited for the slow Action");
    }

    private async Task<HttpResponseMessage> SignUpAsync(string email)
    {
        var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return await HtmlForm.SubmitAsync(http, "/u/signup", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
    }

    private async Task<TenantUser?> FindAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>().FindByEmailAsync(email);
    }
}
