using System.Net;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Login;

/// <summary>login-post-identifier runs when the user submits their identifier, before the password counts.</summary>
public sealed class IdentifierTriggerTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public IdentifierTriggerTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task An_action_denies_by_identifier_and_routes_to_the_database_connection_or_nowhere()
    {
        await _app.DeployFlowAsync("login-post-identifier", ("route by domain", """
            exports.onExecutePostIdentifier = async (event, api) => {
              const domain = event.transaction.identifier.split('@')[1];
              if (domain === 'contractor.example.com') api.access.deny('Contractors log in through their own portal.');
              else if (domain === 'sso.example.com') api.authentication.setConnectionByName('corporate-saml');
              else api.authentication.setConnectionByName('Username-Password-Authentication');
            };
            """));
        var contractor = await _app.CreateUserAsync(emailDomain: "contractor.example.com");
        var corporate = await _app.CreateUserAsync(emailDomain: "sso.example.com");
        var regular = await _app.CreateUserAsync();

        var denied = await LogInAsync(contractor.Email!);
        var routedAway = await LogInAsync(corporate.Email!);
        var allowed = await LogInAsync(regular.Email!);

        Assert.Contains("Contractors log in through their own portal.", await denied.Content.ReadAsStringAsync());
        Assert.Contains("not available", await routedAway.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
    }

    private Task<HttpResponseMessage> LogInAsync(string email) =>
        HtmlForm.SubmitAsync(_app.CreateBrowserClient(), "/u/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "correct horse battery" });
}
