using System.Text.Json.Nodes;
using Flowgate.Shared.Execution;

namespace Flowgate.Tests.Runtime.Sandbox;

/// <summary>The code examples of the seeds and the reference, unchanged, record the commands Auth0 would.</summary>
public sealed class SeedActionsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private Task<ActionExecutionResult> Run(ActionExecutionRequest request) => fixture.Sandbox.ExecuteAsync(request, CancellationToken.None);

    private static string[] Methods(ActionExecutionResult result) => [.. result.Commands.Select(c => c.Method + c.Args())];

    private static string Event(Action<JsonObject> change) => ActionRequests.PostLoginEvent(change);

    private static readonly string Admin = Event(e => e["authorization"] = new JsonObject { ["roles"] = new JsonArray("Admin") });

    private const string MfaForRole = """
        exports.onExecutePostLogin = async (event, api) => {
          if (event.authorization != undefined && event.authorization.roles.includes("Admin")) {
              api.multifactor.enable("any");
          };
        };
        """;

    [Fact]
    public async Task Mfa_for_role_enables_mfa_only_for_admins()
    {
        Assert.Equal(["""multifactor.enable["any"]"""], Methods(await Run(ActionRequests.PostLogin(MfaForRole, Admin))));
        Assert.Empty((await Run(ActionRequests.PostLogin(MfaForRole))).Commands);
    }

    [Fact]
    public async Task Webauthn_for_admins_challenges_enrolled_users_and_enrolls_the_others()
    {
        const string code = """
            exports.onExecutePostLogin = async (event, api) => {
                // Check if the user is an admin, enforce webauthn
                if (event.authorization?.roles?.includes('Admin')) {
                    // Check if the user is already enrolled with webauthn
                    if (event.user.enrolledFactors && event.user.enrolledFactors.some(m => m.type === 'webauthn-roaming')) {
                        api.authentication.challengeWith({type: 'webauthn-roaming'})
                    } else {
                        api.authentication.enrollWith({type: 'webauthn-roaming'})
                    }
                }
            };
            """;
        var enrolled = Event(e =>
        {
            e["authorization"] = new JsonObject { ["roles"] = new JsonArray("Admin") };
            e["user"]!["enrolledFactors"] = new JsonArray(new JsonObject { ["type"] = "webauthn-roaming" });
        });

        Assert.Equal(["""authentication.challengeWith[{"type":"webauthn-roaming"}]"""], Methods(await Run(ActionRequests.PostLogin(code, enrolled))));
        Assert.Equal(["""authentication.enrollWith[{"type":"webauthn-roaming"}]"""], Methods(await Run(ActionRequests.PostLogin(code, Admin))));
    }

    [Fact]
    public async Task Roles_to_claims_sets_both_tokens()
    {
        const string code = """
            exports.onExecutePostLogin = async (event, api) => {
              const namespace = 'https://my-app.example.com';
              if (event.authorization) {
                api.idToken.setCustomClaim(`${namespace}/roles`, event.authorization.roles);
                api.accessToken.setCustomClaim(`${namespace}/roles`, event.authorization.roles);
              }
            }
            """;
        Assert.Equal(
            ["""idToken.setCustomClaim["https://my-app.example.com/roles",["Admin"]]""", """accessToken.setCustomClaim["https://my-app.example.com/roles",["Admin"]]"""],
            Methods(await Run(ActionRequests.PostLogin(code, Admin))));
    }

    [Theory]
    [InlineData("""exports.onExecutePostLogin = async (event, api) => { if (event.user.email && event.user.email.endsWith("@example.com") && event.client.name === "My SPA") { api.access.deny(`Access to ${event.client.name} is not allowed.`); }};""", """access.deny["Access to My SPA is not allowed."]""")]
    [InlineData("""exports.onExecutePostLogin = async (event, api) => { if (event.resource_server && event.resource_server.identifier === "http://todoapi2.api") { api.access.deny("end_users_not_allowed"); }}""", """access.deny["end_users_not_allowed"]""")]
    [InlineData("""exports.onExecutePostLogin = async (event, api) => { api.user.setUserMetadata("favorite_color", "blue");};""", """user.setUserMetadata["favorite_color","blue"]""")]
    [InlineData("""exports.onExecutePostLogin = async (event, api) => { if (event.request.geoip.continentCode === "NA") { api.multifactor.enable("any"); };};""", """multifactor.enable["any"]""")]
    [InlineData("""exports.onExecutePostLogin = async (event, api) => { const skipMFA = event.authentication?.methods.some((method) => method.name === "passkey"); if (skipMFA) { api.multifactor.enable("none"); }};""", """multifactor.enable["none"]""")]
    [InlineData("""exports.onExecutePostLogin = async (event, api) => { if (event?.resource_server?.identifier === 'https://example.com/api') { api.accessToken.addScope("read:xyz"); }};""", """accessToken.addScope["read:xyz"]""")]
    public async Task Reference_examples_record_their_command(string code, string expected)
    {
        var eventJson = Event(e =>
        {
            e["client"]!["name"] = "My SPA";
            e["user"]!["email"] = "someone@example.com";
            e["resource_server"] = new JsonObject { ["identifier"] = code.Contains("todoapi2") ? "http://todoapi2.api" : "https://example.com/api" };
            e["authentication"] = new JsonObject { ["methods"] = new JsonArray(new JsonObject { ["name"] = "passkey", ["timestamp"] = "2026-01-01T00:00:00Z" }) };
        });

        Assert.Equal([expected], Methods(await Run(ActionRequests.PostLogin(code, eventJson))));
    }

    [Fact]
    public async Task Weekday_only_app_runs_with_the_real_clock()
    {
        const string code = """exports.onExecutePostLogin = async (event, api) => { if (event.client.name === "APP_NAME") { const d = new Date().getDay(); if (d === 0 || d === 6) { api.access.deny("This app is only available during the week."); } }}""";
        var result = await Run(ActionRequests.PostLogin(code, Event(e => e["client"]!["name"] = "APP_NAME")));

        var weekend = DateTime.Now.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        Assert.Equal(weekend ? 1 : 0, result.Commands.Count);
    }

    [Fact]
    public async Task Other_triggers_run_their_seed_examples()
    {
        var preUser = await Run(ActionRequests.For("pre-user-registration", """
            exports.onExecutePreUserRegistration = async (event, api) => {
              api.user.setUserMetadata('ui_color', 'default');
              api.user.setUserMetadata('use_verbose_messages', false);
              api.user.setAppMetadata('is_new_user', true);
              api.user.setAppMetadata('reward_status', 0);
            };
            """));
        var m2m = await Run(ActionRequests.For("credentials-exchange", """
            exports.onExecuteCredentialsExchange = async (event, api) => {
              if (event.client.client_id === 'm2mZoCMmvAvKYhBhhdaTdmlknDvNLzz') {
                api.accessToken.setCustomClaim('custom_claim', 'custom_value');
              }
              if (!event.transaction.requested_scopes.includes('read:reports')) api.access.deny('invalid_scope', 'no');
            };
            """));
        var sms = await Run(ActionRequests.For("send-phone-message", """
            exports.onExecuteSendPhoneMessage = async (event, api) => {
              const sendSMS = async (phoneNumber, message) => { console.log(`SMS to ${phoneNumber}: ${message}`); };
              await sendSMS(event.message_options.recipient, event.message_options.text);
            };
            """));

        Assert.Equal(4, preUser.Commands.Count);
        Assert.Equal(["""accessToken.setCustomClaim["custom_claim","custom_value"]"""], Methods(m2m));
        Assert.Equal(["SMS to +15555550123: Your verification code is 123456"], sms.Logs);
    }

    [Theory]
    [InlineData("post-user-registration", "onExecutePostUserRegistration")]
    [InlineData("post-change-password", "onExecutePostChangePassword")]
    [InlineData("password-reset-post-challenge", "onExecutePostChallenge")]
    [InlineData("login-post-identifier", "onExecutePostIdentifier")]
    public async Task Every_trigger_calls_its_handler_with_its_api(string trigger, string handler)
    {
        var extra = trigger switch
        {
            "password-reset-post-challenge" => "api.transaction.setResultUrl('https://done.example');",
            "login-post-identifier" => "api.authentication.setConnectionByName(event.transaction.identifier.endsWith('@example.com') ? 'corp' : 'db');",
            _ => "",
        };
        var result = await Run(ActionRequests.For(trigger, $$"""
            exports.{{handler}} = async (event, api) => {
              const set = api.cache.set('seen', 'yes');
              console.log(set.type, api.cache.get('seen').value, typeof api.access);
              {{extra}}
            };
            """));

        Assert.Null(result.Error);
        Assert.StartsWith("success yes", result.Logs.Single());
        Assert.Equal(extra.Length > 0 ? 1 : 0, result.Commands.Count);
    }
}
