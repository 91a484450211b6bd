using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Applications;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>Checks the Management API's audience and scopes on a validated bearer token.</summary>
internal sealed class ManagementAuthorizationHandler(IssuerResolver issuers, IHttpContextAccessor http) : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true || http.HttpContext is not { } httpContext)
            return Task.CompletedTask;

        var audience = ManagementApi.AudienceFor(issuers.Resolve());
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            switch (requirement)
            {
                case ManagementAudienceRequirement when context.User.HasAudience(audience):
                    context.Succeed(requirement);
                    break;
                case ManagementScopeRequirement scope when scope.AnyOf.Any(context.User.HasScope):
                    context.Succeed(requirement);
                    break;
            }
        }
        return Task.CompletedTask;
    }
}
