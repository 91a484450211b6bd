using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Endpoints;

/// <summary><c>/userinfo</c>: the user's current profile, limited by the scopes of the access token, and the ID token's custom claims.</summary>
internal static class UserInfoEndpoint
{
    public static IEndpointRouteBuilder MapUserInfoEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, UserManager<TenantUser> users, UserInfoClaims custom)
    {
        var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = principal is null ? null : await users.FindByIdAsync(principal.GetClaim(Claims.Subject) ?? "");
        if (user is null)
            return Results.Challenge(properties: null, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

        var claims = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };
        if (principal!.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.Name ?? user.Email;
            claims[Claims.Nickname] = user.Nickname ?? user.Email?.Split('@')[0];
            claims[Claims.Picture] = user.Picture;
            claims[Claims.UpdatedAt] = user.UpdatedAt.ToString("O");
        }
        if (principal!.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }
        // The ID token's custom claims as the login's Actions set them, with their JSON types (null included), as on Auth0.
        var answer = claims.Where(c => c.Value is not null).ToDictionary();
        foreach (var (type, value) in await custom.ForAsync(principal!, context.RequestAborted))
            answer.TryAdd(type, value);
        return Results.Json(answer);
    }
}
