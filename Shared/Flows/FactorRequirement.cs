using System.Text.Json;

namespace Flowgate.Shared.Flows;

/// <summary>A factor challenge or enrollment an Action asked for.</summary>
/// <param name="Method">The api method, e.g. <c>authentication.challengeWith</c>.</param>
/// <param name="Arguments">Its arguments (the factor selectors and options) as JSON.</param>
public sealed record FactorRequirement(string Method, JsonElement Arguments);
