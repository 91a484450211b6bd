using System.Text.Json;
using Flowgate.Runtime.Actions;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Runtime.Applications;

/// <summary>
/// Maps Auth0's client settings onto OpenIddict's application descriptor and back: grant types become
/// endpoint and grant permissions, public clients get PKCE, callbacks become redirect URIs.
/// </summary>
internal static class ApplicationDescriptors
{
    private const string AuthMethodProperty = "token_endpoint_auth_method";
    private const int MaxNameLength = 200;

    /// <summary>A new application's settings before the caller's are applied.</summary>
    public static ApplicationDetails Defaults(string appType) => new(
        "", "", KnownType(appType), null, [], [], [], ApplicationGrantTypes.DefaultsFor(appType),
        TokenEndpointAuthMethods.DefaultFor(appType), IsFirstParty: true, DateTimeOffset.UtcNow, new Dictionary<string, string>());

    /// <summary>The settings after <paramref name="change"/>, validated as a whole.</summary>
    public static ApplicationDetails Resolve(ApplicationDetails current, ApplicationSettings change)
    {
        var appType = change.AppType is null ? current.AppType : KnownType(change.AppType);
        var method = change.TokenEndpointAuthMethod ?? current.TokenEndpointAuthMethod;
        if (!TokenEndpointAuthMethods.All.Contains(method))
            throw Invalid($"token_endpoint_auth_method must be one of {string.Join(", ", TokenEndpointAuthMethods.All)}.");
        var isPublic = appType is ApplicationTypes.Spa or ApplicationTypes.Native;
        if (isPublic != (method == TokenEndpointAuthMethods.None))
            throw Invalid(isPublic
                ? "single-page and native applications cannot keep a secret: their token_endpoint_auth_method is none."
                : "regular web and machine-to-machine applications authenticate with a secret: token_endpoint_auth_method cannot be none.");
        var grantTypes = (change.GrantTypes ?? current.GrantTypes).Distinct().ToList();
        if (grantTypes.FirstOrDefault(g => !ApplicationGrantTypes.All.Contains(g)) is { } unknown)
            throw Invalid($"unsupported grant type '{unknown}'. Flowgate supports {string.Join(", ", ApplicationGrantTypes.All)}.");
        if (isPublic && grantTypes.Contains(ApplicationGrantTypes.ClientCredentials))
            throw Invalid("client_credentials needs a secret, which single-page and native applications do not have.");

        return current with
        {
            Name = ValidName(change.Name ?? current.Name),
            AppType = appType,
            Description = change.Description ?? current.Description,
            Callbacks = change.Callbacks is null ? current.Callbacks : ApplicationUrls.Validate(change.Callbacks, "callbacks", ApplicationUrls.Problem),
            LogoutUrls = change.LogoutUrls is null ? current.LogoutUrls : ApplicationUrls.Validate(change.LogoutUrls, "allowed_logout_urls", ApplicationUrls.Problem),
            WebOrigins = change.WebOrigins is null ? current.WebOrigins : ApplicationUrls.Validate(change.WebOrigins, "web_origins", ApplicationUrls.OriginProblem),
            AllowedOrigins = change.AllowedOrigins is null ? current.AllowedOrigins : ApplicationUrls.Validate(change.AllowedOrigins, "allowed_origins", ApplicationUrls.OriginProblem),
            GrantTypes = grantTypes,
            TokenEndpointAuthMethod = method,
            IsFirstParty = change.IsFirstParty ?? current.IsFirstParty,
            ClientMetadata = change.ClientMetadata is null ? current.ClientMetadata : ClientMetadataRules.Validate(change.ClientMetadata),
        };
    }

    /// <summary>Writes resolved settings into OpenIddict's descriptor and Flowgate's columns.</summary>
    public static void Write(ApplicationDetails settings, OpenIddictApplicationDescriptor descriptor, FlowgateApplication application)
    {
        descriptor.DisplayName = settings.Name;
        descriptor.ClientType = settings.IsConfidential ? ClientTypes.Confidential : ClientTypes.Public;
        descriptor.ConsentType = ConsentTypes.Implicit;
        Replace(descriptor.RedirectUris, settings.Callbacks.Select(u => new Uri(u)));
        Replace(descriptor.PostLogoutRedirectUris, settings.LogoutUrls.Select(u => new Uri(u)));
        Replace(descriptor.Permissions, Permissions(settings.GrantTypes));
        descriptor.Requirements.Clear();
        if (!settings.IsConfidential)
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        descriptor.Properties[AuthMethodProperty] = JsonSerializer.SerializeToElement(settings.TokenEndpointAuthMethod);
        application.AppType = settings.AppType;
        application.Description = settings.Description;
        application.WebOriginsJson = JsonSerializer.Serialize(settings.WebOrigins);
        application.AllowedOriginsJson = JsonSerializer.Serialize(settings.AllowedOrigins);
        application.IsFirstParty = settings.IsFirstParty;
        application.ClientMetadataJson = JsonSerializer.Serialize(settings.ClientMetadata);
    }

    public static ApplicationDetails Read(FlowgateApplication application, OpenIddictApplicationDescriptor descriptor) => new(
        descriptor.ClientId!,
        descriptor.DisplayName ?? descriptor.ClientId!,
        application.AppType,
        application.Description,
        descriptor.RedirectUris.Select(u => u.OriginalString).ToList(),
        descriptor.PostLogoutRedirectUris.Select(u => u.OriginalString).ToList(),
        JsonSerializer.Deserialize<List<string>>(application.WebOriginsJson) ?? [],
        ApplicationGrantTypes.All.Where(g => descriptor.Permissions.Contains(OpenIddictConstants.Permissions.Prefixes.GrantType + g)).ToList(),
        descriptor.Properties.TryGetValue(AuthMethodProperty, out var method) ? method.GetString()!
            : descriptor.ClientType == ClientTypes.Public ? TokenEndpointAuthMethods.None : TokenEndpointAuthMethods.ClientSecretPost,
        application.IsFirstParty,
        application.CreatedAt,
        ClientMetadataRules.Parse(application.ClientMetadataJson))
    {
        AllowedOrigins = JsonSerializer.Deserialize<List<string>>(application.AllowedOriginsJson) ?? [],
    };

    private static IEnumerable<string> Permissions(IReadOnlyList<string> grantTypes)
    {
        yield return OpenIddictConstants.Permissions.Endpoints.Token;
        if (grantTypes.Contains(ApplicationGrantTypes.AuthorizationCode))
        {
            yield return OpenIddictConstants.Permissions.Endpoints.Authorization;
            yield return OpenIddictConstants.Permissions.Endpoints.EndSession;
            yield return OpenIddictConstants.Permissions.ResponseTypes.Code;
        }
        foreach (var grantType in grantTypes)
            yield return OpenIddictConstants.Permissions.Prefixes.GrantType + grantType;
    }

    private static void Replace<T>(HashSet<T> set, IEnumerable<T> values)
    {
        set.Clear();
        set.UnionWith(values);
    }

    private static string KnownType(string appType) =>
        appType is ApplicationTypes.Spa or ApplicationTypes.RegularWeb or ApplicationTypes.Native or ApplicationTypes.MachineToMachine
            ? appType
            : throw Invalid($"app_type must be one of spa, regular_web, native, non_interactive; not '{appType}'.");

    private static string ValidName(string name)
    {
        name = name.Trim();
        return name.Length is > 0 and <= MaxNameLength ? name : throw Invalid($"an application needs a name of 1 to {MaxNameLength} characters.");
    }

    private static OperationRejectedException Invalid(string reason) => new(RejectionKind.Invalid, "Payload validation error: " + reason);
}
