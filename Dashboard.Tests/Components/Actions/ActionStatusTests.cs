using Flowgate.Dashboard.Components.Pages.Actions;
using Flowgate.Runtime.Actions;

namespace Flowgate.Tests.Components.Actions;

public sealed class ActionStatusTests
{
    [Fact]
    public void The_status_says_draft_only_deployed_or_undeployed_changes_with_the_live_number()
    {
        var action = new ActionDefinition { Id = "a", TenantId = "t", Name = "n", TriggerId = "post-login", TriggerVersion = "v3" };
        Assert.Equal("Draft only", ActionStatus.Of(action, null).Text);

        action.DeployedVersionId = "v";
        action.AllChangesDeployed = true;
        Assert.Equal("Deployed v2", ActionStatus.Of(action, 2).Text);

        action.AllChangesDeployed = false;
        Assert.Equal("Undeployed changes (v2 live)", ActionStatus.Of(action, 2).Text);
    }
}
