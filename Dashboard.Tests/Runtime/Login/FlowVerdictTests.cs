using Flowgate.Runtime.Login;
using Flowgate.Shared.Flows;

namespace Flowgate.Tests.Runtime.Login;

/// <summary>What a finished post-login flow says of the login: the reason it refuses, or the scopes the tokens grant.</summary>
public sealed class FlowVerdictTests
{
    [Fact]
    public void A_completed_flow_refuses_nothing_and_a_deny_gives_its_reason_or_its_validation_error()
    {
        Assert.Null(FlowVerdict.Refusal(new() { Status = FlowStatus.Completed }));
        Assert.Equal("Blocked by policy", FlowVerdict.Refusal(new() { Status = FlowStatus.Denied, Outcome = new() { DenyReason = "Blocked by policy" } }));
        Assert.Contains("bad_phone", FlowVerdict.Refusal(new() { Status = FlowStatus.Denied, Outcome = new() { ValidationError = new("bad_phone", "Not a phone number") } }));
        Assert.Equal("Access denied.", FlowVerdict.Refusal(new() { Status = FlowStatus.Denied }));
        Assert.Contains("prompt.render", FlowVerdict.Refusal(new() { Status = FlowStatus.Suspended }));
    }

    [Fact]
    public void Added_scopes_join_the_granted_ones_and_a_removal_wins_over_an_addition()
    {
        var outcome = new FlowOutcome { ScopesAdded = ["read:reports", "write:reports", "openid"], ScopesRemoved = ["email", "write:reports"] };

        Assert.Equal(new[] { "openid", "read:reports" }, FlowVerdict.Scopes(["openid", "email"], outcome).Order());
    }
}
