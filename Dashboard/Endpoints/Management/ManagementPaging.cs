using Flowgate.Runtime.Actions;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Auth0's list responses: a bare array, or with <c>include_totals=true</c> an object
/// <c>{start, limit, length, total, &lt;items&gt;}</c> where <c>start</c> counts items, not pages;
/// or, with checkpoint paging (<c>from</c>/<c>take</c>), <c>{&lt;items&gt;, next}</c> where <c>next</c> is the next call's <c>from</c>.
/// </summary>
internal static class ManagementPaging
{
    /// <summary>Auth0's default page size for users, roles and clients.</summary>
    public const int DefaultPerPage = 50;

    public static IResult Result<T>(ActionPage<T> page, string itemsName, bool? includeTotals, Func<T, object> toJson)
    {
        var items = page.Items.Select(toJson).ToList();
        if (includeTotals != true)
            return TypedResults.Ok(items);
        return TypedResults.Ok(new Dictionary<string, object>
        {
            ["start"] = page.Page * page.PerPage,
            ["limit"] = page.PerPage,
            ["length"] = items.Count,
            ["total"] = page.Total,
            [itemsName] = items,
        });
    }

    /// <summary>Auth0's largest checkpoint page.</summary>
    public const int MaxTake = 100;

    /// <summary>One page of a list read whole (short lists: APIs, client grants), by page and per_page.</summary>
    public static ActionPage<T> Page<T>(IReadOnlyList<T> all, int? page, int? perPage)
    {
        var (p, size) = ActionLimits.Paging(page ?? 0, perPage ?? DefaultPerPage);
        return new ActionPage<T>([.. all.Skip(p * size).Take(size)], all.Count, p, size);
    }

    /// <summary>
    /// Checkpoint paging over a list read whole, ordered by <paramref name="idOf"/>: the items from the id
    /// <paramref name="from"/> on, at most <paramref name="take"/>, and <c>next</c> while more remain.
    /// </summary>
    public static IResult Checkpoint<T>(IReadOnlyList<T> all, string? from, int? take, string itemsName, Func<T, string> idOf, Func<T, object> toJson)
    {
        var size = Math.Clamp(take ?? DefaultPerPage, 1, MaxTake);
        var ordered = all.OrderBy(idOf, StringComparer.Ordinal).SkipWhile(item => from is not null && string.CompareOrdinal(idOf(item), from) < 0).ToList();
        var json = new Dictionary<string, object> { [itemsName] = ordered.Take(size).Select(toJson).ToList() };
        if (ordered.Count > size)
            json["next"] = idOf(ordered[size]);
        return TypedResults.Ok(json);
    }
}
