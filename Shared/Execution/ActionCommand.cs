using System.Text.Json;

namespace Flowgate.Shared.Execution;

/// <summary>One <c>api</c> call the Action made, in call order.</summary>
/// <param name="Method">The api path as written in the Action, e.g. <c>idToken.setCustomClaim</c>.</param>
/// <param name="Args">The arguments as a JSON array.</param>
public sealed record ActionCommand(string Method, JsonElement Args);
