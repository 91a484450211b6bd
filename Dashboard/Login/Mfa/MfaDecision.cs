using Flowgate.Runtime.Login;
using Flowgate.Shared.Flows;

namespace Flowgate.Dashboard.Login.Mfa;

/// <summary>The multi-factor step a login needs: none, a prompt, or a refusal (access_denied with this reason).</summary>
/// <param name="Flow">The flow's result, further along when a satisfied challenge let it resume.</param>
internal sealed record MfaDecision(FlowExecutionResult Flow, MfaPrompt? Prompt = null, string? Denial = null);
