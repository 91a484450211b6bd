using System.Text.Json;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /actions/actions/{id}/test</c>: the event to run the draft against.</summary>
internal sealed record ActionTestBody(JsonElement? Payload);
