namespace Flowgate.Runtime.Actions;

/// <summary>Filters for listing Actions (Auth0's <c>triggerId</c>, <c>actionName</c>, <c>deployed</c>).</summary>
public sealed record ActionFilter(string? TriggerId = null, string? Name = null, bool? Deployed = null, int Page = 0, int PerPage = 20);
