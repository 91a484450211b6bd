using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Components.Pages.Applications;

/// <summary>
/// The settings form's state. URL lists are edited as text, one URL per line, and checked as the admin
/// types with the same rules the Runtime applies on save.
/// </summary>
internal sealed class ApplicationSettingsForm
{
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string Callbacks { get; set; } = "";
    public string LogoutUrls { get; set; } = "";
    public string WebOrigins { get; set; } = "";
    public string AllowedOrigins { get; set; } = "";
    public required HashSet<string> GrantTypes { get; init; }
    /// <summary>Public clients (single-page, native) cannot use client credentials.</summary>
    public required bool IsConfidential { get; init; }

    public static ApplicationSettingsForm From(ApplicationDetails application) => new()
    {
        Name = application.Name,
        Description = application.Description,
        Callbacks = string.Join('\n', application.Callbacks),
        LogoutUrls = string.Join('\n', application.LogoutUrls),
        WebOrigins = string.Join('\n', application.WebOrigins),
        AllowedOrigins = string.Join('\n', application.AllowedOrigins),
        GrantTypes = [.. application.GrantTypes],
        IsConfidential = application.IsConfidential,
    };

    public string? NameProblem => string.IsNullOrWhiteSpace(Name) ? "An application needs a name." : null;
    public string? CallbacksProblem => FirstProblem(Callbacks, ApplicationUrls.Problem);
    public string? LogoutUrlsProblem => FirstProblem(LogoutUrls, ApplicationUrls.Problem);
    public string? WebOriginsProblem => FirstProblem(WebOrigins, ApplicationUrls.OriginProblem);
    public string? AllowedOriginsProblem => FirstProblem(AllowedOrigins, ApplicationUrls.OriginProblem);

    public bool IsValid => NameProblem is null && CallbacksProblem is null && LogoutUrlsProblem is null && WebOriginsProblem is null
        && AllowedOriginsProblem is null;

    public bool CanUse(string grantType) => IsConfidential || grantType != ApplicationGrantTypes.ClientCredentials;

    public void SetGrantType(string grantType, bool allowed)
    {
        if (allowed && CanUse(grantType))
            GrantTypes.Add(grantType);
        else
            GrantTypes.Remove(grantType);
    }

    public ApplicationSettings ToSettings() => new()
    {
        Name = Name,
        Description = Description ?? "",
        Callbacks = Lines(Callbacks),
        LogoutUrls = Lines(LogoutUrls),
        WebOrigins = Lines(WebOrigins),
        AllowedOrigins = Lines(AllowedOrigins),
        // In the order Auth0 lists them, whatever order they were ticked in.
        GrantTypes = ApplicationGrantTypes.All.Where(GrantTypes.Contains).ToList(),
    };

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string? FirstProblem(string text, Func<string, string?> problem) =>
        Lines(text).Select(problem).FirstOrDefault(p => p is not null);
}
