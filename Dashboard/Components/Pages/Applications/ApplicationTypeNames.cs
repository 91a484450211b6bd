using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Components.Pages.Applications;

/// <summary>How the dashboard names Auth0's application types.</summary>
internal static class ApplicationTypeNames
{
    public static readonly IReadOnlyList<(string Type, string Name, string Description)> All =
    [
        (ApplicationTypes.MachineToMachine, "Machine to machine", "A service or CLI calling your APIs with its own credentials."),
        (ApplicationTypes.Spa, "Single page application", "JavaScript in the browser; no secret, PKCE."),
        (ApplicationTypes.RegularWeb, "Regular web application", "A server-rendered site that keeps a secret."),
        (ApplicationTypes.Native, "Native application", "A mobile or desktop app; no secret, PKCE."),
    ];

    public static string Of(string appType) => All.FirstOrDefault(t => t.Type == appType).Name ?? appType;
}
