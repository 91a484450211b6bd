using Flowgate.Runtime.Actions;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Auth0's list responses: a bare array, or with <c>include_totals=true</c> an object
/// <c>{start, limit, length, total, &lt;items&gt;}</c> where <c>start</c> counts items, not pages.
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
}
