namespace Flowgate.Runtime.Actions;

/// <summary>One page of a list, with the total count (Auth0's <c>{total, page, per_page, ...}</c>).</summary>
public sealed record ActionPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PerPage);
