using System.Text.Json.Nodes;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// The texts of one hosted screen: each key from the first of the request's languages that has a custom text for it,
/// else Flowgate's English default, with <c>${clientName}</c> replaced by the application's name and <c>${companyName}</c>
/// by the tenant's friendly name. Pages write the result as text, so Razor HTML-encodes it.
/// </summary>
internal sealed class ScreenText(IReadOnlyDictionary<string, string> defaults, IReadOnlyList<JsonObject> custom, string clientName)
{
    /// <summary>The application's name, or Flowgate's when the page serves no application.</summary>
    public string ClientName { get; } = clientName;

    /// <summary>
    /// The tenant's friendly name. Flowgate keeps none per tenant, so it is the one the mail templates' <c>friendly_name</c>
    /// shows.
    /// </summary>
    public const string CompanyName = "Flowgate";

    /// <summary>
    /// A page's texts until its own are loaded: static rendering renders a page once when its initialisation first
    /// awaits (the texts' query does, on PostgreSQL), and replaces that render when the texts have arrived.
    /// </summary>
    public static ScreenText Pending { get; } = new(new Dictionary<string, string>(), [], "");

    public string this[string key] => ReferenceEquals(this, Pending) ? "" :
        (custom.Select(texts => texts[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null).FirstOrDefault(t => t is not null)
            ?? defaults[key])
        .Replace("${clientName}", ClientName, StringComparison.Ordinal)
        .Replace("${companyName}", CompanyName, StringComparison.Ordinal);
}
