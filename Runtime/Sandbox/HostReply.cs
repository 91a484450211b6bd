namespace Flowgate.Runtime.Sandbox;

/// <summary>The outcome of host work an execution awaits, delivered back into V8 by the execution.</summary>
/// <param name="Id">The call id JavaScript gave.</param>
/// <param name="Ok">False when the work failed; <paramref name="Value"/> is then the message.</param>
/// <param name="Value">The result (a JSON string for fetch).</param>
internal sealed record HostReply(int Id, bool Ok, string Value);
