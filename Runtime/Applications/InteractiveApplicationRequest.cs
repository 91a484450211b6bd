namespace Flowgate.Runtime.Applications;

/// <summary>What creating an application users log in to takes.</summary>
/// <param name="Name">The name shown on the hosted login pages.</param>
/// <param name="AppType"><see cref="ApplicationTypes.Spa"/>, <see cref="ApplicationTypes.RegularWeb"/> or <see cref="ApplicationTypes.Native"/>.</param>
/// <param name="Callbacks">Allowed callback URLs (redirect URIs), matched exactly.</param>
/// <param name="LogoutUrls">Allowed URLs to return to after logout.</param>
public sealed record InteractiveApplicationRequest(
    string Name,
    string AppType,
    IReadOnlyList<string> Callbacks,
    IReadOnlyList<string> LogoutUrls);
