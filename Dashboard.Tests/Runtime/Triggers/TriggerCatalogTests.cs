using System.Text.Json;
using Flowgate.Runtime.Triggers;

namespace Flowgate.Tests.Runtime.Triggers;

public sealed class TriggerCatalogTests
{
    public static TheoryData<string, string, string?, bool> Handlers => new()
    {
        { "post-login", "onExecutePostLogin", "onContinuePostLogin", true },
        { "credentials-exchange", "onExecuteCredentialsExchange", null, true },
        { "pre-user-registration", "onExecutePreUserRegistration", null, true },
        { "post-user-registration", "onExecutePostUserRegistration", null, false },
        { "post-change-password", "onExecutePostChangePassword", null, false },
        { "send-phone-message", "onExecuteSendPhoneMessage", null, true },
        { "password-reset-post-challenge", "onExecutePostChallenge", "onContinuePostChallenge", true },
        { "login-post-identifier", "onExecutePostIdentifier", null, true },
    };

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Every_trigger_has_Auth0s_handlers_and_blocking_mode(string id, string execute, string? resume, bool blocking)
    {
        var trigger = TriggerCatalog.Get(id);

        Assert.Equal(execute, trigger.ExecuteHandler);
        Assert.Equal(resume, trigger.ContinueHandler);
        Assert.Equal(blocking, trigger.Blocking);
        Assert.Contains(trigger.Api, m => m.Path == "cache.get");
    }

    [Fact]
    public void Every_sample_event_is_a_json_object_with_secrets()
    {
        foreach (var trigger in TriggerCatalog.All)
        {
            using var sample = JsonDocument.Parse(trigger.SampleEventJson);
            Assert.Equal(JsonValueKind.Object, sample.RootElement.ValueKind);
            Assert.True(sample.RootElement.TryGetProperty("secrets", out _), trigger.Id);
        }
    }

    [Fact]
    public void Post_login_sample_follows_Auth0s_test_default_event()
    {
        using var sample = JsonDocument.Parse(TriggerCatalog.Get("post-login").SampleEventJson);
        var root = sample.RootElement;

        Assert.Equal("auth0|5f7c8ec7c33c6c004bbafe82", root.GetProperty("user").GetProperty("user_id").GetString());
        Assert.Equal("j+smith@example.com", root.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("All Applications", root.GetProperty("client").GetProperty("name").GetString());
        Assert.Equal(62, root.GetProperty("stats").GetProperty("logins_count").GetInt32());
        Assert.Equal("Bellevue", root.GetProperty("request").GetProperty("geoip").GetProperty("cityName").GetString());
    }

    [Fact]
    public void Post_login_api_covers_every_method_of_the_reference()
    {
        string[] expected =
        [
            "access.deny", "accessToken.setCustomClaim", "accessToken.addScope", "accessToken.removeScope", "idToken.setCustomClaim",
            "multifactor.enable", "authentication.challengeWith", "authentication.challengeWithAny", "authentication.enrollWith",
            "authentication.enrollWithAny", "authentication.recordMethod", "authentication.setPrimaryUser", "redirect.sendUserTo",
            "redirect.encodeToken", "redirect.validateToken", "redirect.canRedirect", "user.setAppMetadata", "user.setUserMetadata",
            "transaction.setMetadata", "validation.error", "cache.get", "cache.set", "cache.delete", "session.revoke",
            "session.setExpiresAt", "session.setIdleExpiresAt", "session.setCookieMode", "session.setMetadata", "session.deleteMetadata",
            "session.evictMetadata", "refreshToken.revoke", "prompt.render", "samlResponse.setAttribute", "samlResponse.setLifetimeInSeconds",
            "rules.wasExecuted",
        ];
        var paths = TriggerCatalog.Get("post-login").Api.Select(m => m.Path).ToHashSet();

        Assert.All(expected, p => Assert.Contains(p, paths));
    }

    [Fact]
    public void Type_declarations_document_every_member_for_the_editor()
    {
        var dts = TypeDeclarations.Generate(TriggerCatalog.Get("post-login"), ["MY_SHARED_SECRET"]);

        Assert.Contains("declare interface PostLoginAPI {", dts);
        Assert.Contains("declare interface Event {", dts);
        Assert.Contains("setCustomClaim(name: string, value: unknown): PostLoginAPI;", dts);
        Assert.Contains("enable(provider: 'any' | 'guardian' | 'google-authenticator' | 'duo' | 'none', options?: MultifactorEnableOptions): PostLoginAPI;", dts);
        Assert.Contains("readonly \"MY_SHARED_SECRET\": string;", dts);
        var memberLines = dts.Split('\n').Where(l => l.StartsWith("    ") && l.TrimEnd().EndsWith(';') && l.Contains('(')).ToList();
        Assert.NotEmpty(memberLines);
        Assert.All(memberLines, line => Assert.Contains("*/", dts[..dts.IndexOf(line, StringComparison.Ordinal)][^200..]));
    }

    [Fact]
    public void Every_trigger_generates_declarations_and_an_api_factory()
    {
        foreach (var trigger in TriggerCatalog.All)
        {
            Assert.Contains($"declare interface {trigger.ApiTypeName} {{", TypeDeclarations.Generate(trigger));
            Assert.StartsWith("function (ctx) {", ApiScript.Factory(trigger));
        }
    }
}
