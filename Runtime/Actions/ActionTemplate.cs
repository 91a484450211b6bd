using System.Text;
using Flowgate.Runtime.Triggers;

namespace Flowgate.Runtime.Actions;

/// <summary>The starting code of a new Action: the trigger's handlers with the JSDoc that gives the editor its types.</summary>
public static class ActionTemplate
{
    public static string For(TriggerDefinition trigger)
    {
        var code = new StringBuilder();
        foreach (var handler in trigger.Handlers)
        {
            var resumes = handler == trigger.ContinueHandler;
            code.Append($$"""
                /**
                 * {{(resumes ? "Handler that will be invoked when this action is resuming after an external redirect." : $"Handler that will be called during the execution of a {trigger.DisplayName} flow.")}}
                 *
                 * @param {Event} event - Details about the context in which the trigger fired.
                 * @param {{{trigger.ApiTypeName}}} api - Interface whose methods can be used to change the behavior of the flow.
                 */
                exports.{{handler}} = async (event, api) => {
                };


                """);
        }
        return code.ToString().TrimEnd() + "\n";
    }
}
