using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// The body of <c>POST /actions/actions/{id}/test</c>: the event to run the draft against, and (Flowgate's addition)
/// <c>continue</c> to test the continue handler after the execute handler's redirect.
/// </summary>
internal sealed record ActionTestBody(JsonElement? Payload, [property: JsonPropertyName("continue")] ContinueTestBody? Continue = null);

/// <summary>The simulated <c>/continue</c> call: its query parameters and its (form) body.</summary>
internal sealed record ContinueTestBody(IReadOnlyDictionary<string, string>? Query, JsonElement? Body);
