using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>PATCH /prompts</c>; absent fields stay as they are.</summary>
internal sealed record PromptSettingsBody(
    [property: JsonPropertyName("universal_login_experience")] string? UniversalLoginExperience,
    [property: JsonPropertyName("identifier_first")] bool? IdentifierFirst,
    [property: JsonPropertyName("webauthn_platform_first_factor")] bool? WebAuthnPlatformFirstFactor);
