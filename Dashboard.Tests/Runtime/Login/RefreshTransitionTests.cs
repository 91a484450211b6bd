using System.Text.Json;
using Flowgate.Runtime.Login;
using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;

namespace Flowgate.Tests.Runtime.Login;

/// <summary>
/// The refresh grant's verdict as a pure transition: what the post-login flow, run with <c>oauth2-refresh-token</c>,
/// lets a refresh token exchange do when no user is there to pass a factor or follow a redirect.
/// </summary>
public sealed class RefreshTransitionTests
{
    [Fact]
    public void Without_a_flow_or_with_a_flow_that_completed_the_refresh_issues()
    {
        Assert.IsType<LoginStep.Issue>(LoginTransaction.Refresh(null));
        Assert.IsType<LoginStep.Issue>(LoginTransaction.Refresh(new() { Status = FlowStatus.Completed }));
        Assert.IsType<LoginStep.Issue>(LoginTransaction.Refresh(new() { Status = FlowStatus.Completed, Outcome = new() { MultifactorProvider = "none" } }));
    }

    [Fact]
    public void A_factor_asked_by_challenge_or_by_multifactor_enable_is_mfa_required()
    {
        var challenged = new FlowExecutionResult
        {
            Status = FlowStatus.Suspended,
            Outcome = new() { Factors = new FactorRequirement("authentication.challengeWith", JsonDocument.Parse("""[{"type":"otp"}]""").RootElement) },
        };
        var enabled = new FlowExecutionResult { Status = FlowStatus.Completed, Outcome = new() { MultifactorProvider = "any" } };

        Assert.Equal("mfa_required", Assert.IsType<LoginStep.Deny>(LoginTransaction.Refresh(challenged)).Error);
        Assert.Equal("mfa_required", Assert.IsType<LoginStep.Deny>(LoginTransaction.Refresh(enabled)).Error);
    }

    [Fact]
    public void A_redirect_is_invalid_grant_since_no_browser_can_follow_it()
    {
        var redirected = new FlowExecutionResult { Status = FlowStatus.Suspended, Outcome = new() { RedirectUrl = "https://example.test/next" } };

        var denied = Assert.IsType<LoginStep.Deny>(LoginTransaction.Refresh(redirected));
        Assert.Equal("invalid_grant", denied.Error);
        Assert.Contains("redirects the user", denied.Description);
    }

    [Fact]
    public void An_actions_deny_or_failure_is_invalid_grant_with_its_reason_but_not_the_failures_message()
    {
        var deny = new FlowExecutionResult { Status = FlowStatus.Denied, Outcome = new() { DenyReason = "No refresh for you" } };
        var failure = new FlowExecutionResult
        {
            Status = FlowStatus.Failed, ExecutionId = "exec-1",
            Error = new ActionError("TypeError", "secret 42 leaked", "at line 3", ActionErrorClass.ActionError),
        };

        Assert.Equal(new LoginStep.Deny("invalid_grant", "No refresh for you"), LoginTransaction.Refresh(deny));
        var failed = Assert.IsType<LoginStep.Deny>(LoginTransaction.Refresh(failure));
        Assert.Equal("invalid_grant", failed.Error);
        Assert.Contains("TypeError", failed.Description);
        Assert.Contains("exec-1", failed.Description);
        Assert.DoesNotContain("secret 42", failed.Description);
    }
}
