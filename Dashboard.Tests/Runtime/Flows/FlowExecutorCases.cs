using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Triggers;
using Flowgate.Shared.Flows;
using Flowgate.Tests.Runtime.Sandbox;

namespace Flowgate.Tests.Runtime.Flows;

/// <summary>Auth0's flow semantics, asserted against each sandbox (in process, and worker processes with one trip per flow).</summary>
public abstract class FlowExecutorCases
{
    protected abstract IActionSandbox Sandbox { get; }

    private FlowExecutor Executor => new(Sandbox);

    private static BoundAction Action(string name, string code, Dictionary<string, string>? secrets = null, ActionFailurePolicy policy = ActionFailurePolicy.FailTrigger) => new()
    {
        ActionId = "act_" + name,
        Name = name,
        VersionId = ActionRequests.PostLogin(code).VersionId,
        Code = code,
        Secrets = secrets ?? [],
        FailurePolicy = policy,
    };

    private static FlowExecutionRequest Flow(string? eventJson = null, string trigger = "post-login", params BoundAction[] actions) => new()
    {
        TenantId = "flows",
        TriggerId = trigger,
        EventJson = eventJson ?? TriggerCatalog.Get(trigger).SampleEventJson,
        Actions = actions,
    };

    private static string Handler(string body) => "exports.onExecutePostLogin = async (event, api) => { " + body + " };";

    [Fact]
    public async Task Deny_stops_the_chain_and_keeps_metadata_writes()
    {
        var result = await Executor.ExecuteAsync(Flow(actions:
        [
            Action("meta", Handler("api.user.setAppMetadata('seen', true);")),
            Action("deny", Handler("api.access.deny('Access to All Applications is not allowed.');")),
            Action("never", Handler("api.idToken.setCustomClaim('late', 1);")),
        ]), CancellationToken.None);

        Assert.Equal(FlowStatus.Denied, result.Status);
        Assert.Equal(2, result.Actions.Count);
        Assert.Equal("Access to All Applications is not allowed.", result.Outcome.DenyReason);
        Assert.True(result.Outcome.AppMetadata["seen"]!.Value.GetBoolean());
        Assert.Empty(result.Outcome.IdTokenClaims);
    }

    [Fact]
    public async Task Metadata_writes_and_transaction_metadata_are_visible_to_later_actions()
    {
        var result = await Executor.ExecuteAsync(Flow(actions:
        [
            Action("write", Handler("""
                api.user.setUserMetadata('favorite_color', 'blue');
                api.transaction.setMetadata('risk', 3);
                api.idToken.setCustomClaim('sameActionSeesUser', event.user.user_metadata.favorite_color === undefined);
                api.idToken.setCustomClaim('sameActionSeesTx', event.transaction.metadata.risk);
                """)),
            Action("read", Handler("""
                api.accessToken.setCustomClaim('color', event.user.user_metadata.favorite_color);
                api.accessToken.setCustomClaim('risk', event.transaction.metadata.risk);
                """)),
        ]), CancellationToken.None);

        Assert.Equal(FlowStatus.Completed, result.Status);
        Assert.True(result.Outcome.IdTokenClaims["sameActionSeesUser"].GetBoolean());
        Assert.Equal(3, result.Outcome.IdTokenClaims["sameActionSeesTx"].GetInt32());
        Assert.Equal("blue", result.Outcome.AccessTokenClaims["color"].GetString());
        Assert.Equal(3, result.Outcome.AccessTokenClaims["risk"].GetInt32());
        Assert.Equal("blue", result.Outcome.UserMetadata["favorite_color"]!.Value.GetString());
    }

    [Fact]
    public async Task A_redirect_suspends_and_resume_runs_onContinue_then_the_remaining_actions()
    {
        const string redirect = """
            exports.onExecutePostLogin = async (event, api) => {
              if (event.user.user_metadata.favorite_color) { return; }
              const token = api.redirect.encodeToken({ secret: event.secrets.MY_SHARED_SECRET, payload: { email: event.user.email } });
              api.redirect.sendUserTo("https://my-app.example.com", { query: { session_token: token } });
            };
            exports.onContinuePostLogin = async (event, api) => {
              const payload = api.redirect.validateToken({ secret: event.secrets.MY_SHARED_SECRET });
              api.user.setUserMetadata("favorite_color", payload.favorite_color);
            };
            """;
        var secrets = new Dictionary<string, string> { ["MY_SHARED_SECRET"] = "shh" };
        var flow = Flow(actions: [Action("redirect", redirect, secrets), Action("after", Handler("api.idToken.setCustomClaim('color', event.user.user_metadata.favorite_color);"))]);

        var suspended = await Executor.ExecuteAsync(flow, CancellationToken.None);

        Assert.Equal(FlowStatus.Suspended, suspended.Status);
        Assert.StartsWith("https://my-app.example.com?session_token=ey", suspended.Outcome.RedirectUrl);
        var roundTripped = JsonSerializer.Deserialize<FlowSuspension>(JsonSerializer.Serialize(suspended.Suspension))!;
        var token = SessionTokens.Sign("shh", new
        {
            iss = "flowgate.example.com", sub = "auth0|5f7c8ec7c33c6c004bbafe82", exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(),
            state = "abc", favorite_color = "green",
        });
        var continueRequest = new JsonObject
        {
            ["request"] = new JsonObject { ["ip"] = "13.33.86.47", ["method"] = "GET", ["hostname"] = "flowgate.example.com", ["query"] = new JsonObject { ["state"] = "abc", ["session_token"] = token }, ["body"] = new JsonObject() },
        };

        var resumed = await Executor.ResumeAsync(roundTripped, continueRequest.ToJsonString(), CancellationToken.None);

        Assert.Equal(FlowStatus.Completed, resumed.Status);
        Assert.Equal(["onContinuePostLogin", "onExecutePostLogin"], resumed.Actions.Select(a => a.Handler));
        Assert.Equal("green", resumed.Outcome.IdTokenClaims["color"].GetString());
        Assert.Equal("green", resumed.Outcome.UserMetadata["favorite_color"]!.Value.GetString());
    }

    [Fact]
    public async Task A_factor_challenge_suspends_after_the_action_that_asked()
    {
        var eventJson = ActionRequests.PostLoginEvent(e =>
        {
            e["authorization"] = new JsonObject { ["roles"] = new JsonArray("Admin") };
            e["user"]!["enrolledFactors"] = new JsonArray(new JsonObject { ["type"] = "webauthn-roaming" });
        });
        var result = await Executor.ExecuteAsync(Flow(eventJson, actions:
        [
            Action("mfa", Handler("api.authentication.challengeWith({ type: 'webauthn-roaming' });")),
            Action("later", Handler("api.idToken.setCustomClaim('later', true);")),
        ]), CancellationToken.None);

        Assert.Equal(FlowStatus.Suspended, result.Status);
        Assert.Equal("authentication.challengeWith", result.Outcome.Factors!.Method);
        Assert.Single(result.Actions);

        var resumed = await Executor.ResumeAsync(result.Suspension!, null, CancellationToken.None);
        Assert.Equal(FlowStatus.Completed, resumed.Status);
        Assert.True(resumed.Outcome.IdTokenClaims["later"].GetBoolean());
    }

    [Fact]
    public async Task An_uncaught_error_fails_the_trigger_with_the_javascript_error()
    {
        var result = await Executor.ExecuteAsync(Flow(actions:
        [
            Action("throws", Handler("JSON.parse('{oops');")),
            Action("never", Handler("api.idToken.setCustomClaim('late', 1);")),
        ]), CancellationToken.None);

        Assert.Equal(FlowStatus.Failed, result.Status);
        Assert.Equal("SyntaxError", result.Error!.Name);
        Assert.Contains("action.js", result.Error.Stack);
        Assert.Single(result.Actions);
    }

    [Fact]
    public async Task A_continue_policy_records_the_error_and_runs_the_rest_without_the_failed_Actions_commands()
    {
        var result = await Executor.ExecuteAsync(Flow(actions:
        [
            Action("throws", Handler("api.idToken.setCustomClaim('half-done', 1); api.access.deny('never applied'); throw new Error('flaky');"), policy: ActionFailurePolicy.Continue),
            Action("after", Handler("api.idToken.setCustomClaim('after', 1);")),
        ]), CancellationToken.None);

        Assert.Equal(FlowStatus.Completed, result.Status);
        Assert.Equal("flaky", result.Actions[0].Result.Error!.Message);
        Assert.Equal(1, result.Outcome.IdTokenClaims["after"].GetInt32());
        Assert.False(result.Outcome.IdTokenClaims.ContainsKey("half-done"));
        Assert.False(result.Outcome.Denied);
    }

    [Fact]
    public async Task Asynchronous_triggers_do_not_block_the_caller()
    {
        var code = "exports.onExecutePostUserRegistration = async (event, api) => { await new Promise(r => setTimeout(r, 300)); console.log('welcome', event.user.email); };";
        var dispatched = await Executor.ExecuteAsync(Flow(trigger: "post-user-registration", actions: [Action("welcome", code)]), CancellationToken.None);

        Assert.Equal(FlowStatus.Dispatched, dispatched.Status);
        Assert.False(dispatched.Completion!.IsCompleted);
        var completed = await dispatched.Completion;
        Assert.Equal(FlowStatus.Completed, completed.Status);
        Assert.Equal(["welcome j+smith@example.com"], completed.Actions.Single().Result.Logs);
    }
}
