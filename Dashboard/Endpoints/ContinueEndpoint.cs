using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Dashboard.Login;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Endpoints;

/// <summary>
/// <c>/continue?state=...</c>: where the site an Action redirected to sends the browser back (GET or a form
/// POST from that site, so no antiforgery token; the unguessable state, bound to the user's session,
/// stands in for it). Runs the suspending Action's <c>onContinuePostLogin</c> and the rest of the flow,
/// then returns to <c>/authorize</c>, which issues the code or the error. A password reset (bound to the
/// browser that opened the link) runs <c>onContinuePostChallenge</c> and returns to the new-password page.
/// </summary>
internal static class ContinueEndpoint
{
    public static IEndpointRouteBuilder MapContinueEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/continue", [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        return routes;
    }

    /// <summary>The Action's redirect target with Auth0's <c>state</c> parameter added.</summary>
    public static string WithState(string url, string state) => url + (url.Contains('?') ? "&" : "?") + "state=" + Uri.EscapeDataString(state);

    private static async Task<IResult> HandleAsync(HttpContext context, SuspendedLogins suspended, TriggerRunner triggers, UserManager<TenantUser> users)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var state = form?["state"].ToString() is { Length: > 0 } posted ? posted : context.Request.Query["state"].ToString();
        var login = await suspended.FindAsync(state, context.RequestAborted);
        // A login waiting for a factor resumes only through the factor's page, never here.
        if (login is not { State: LoginState.RedirectAndContinue, Suspension: not null } || !await IsThisBrowsersAsync(context, login, users))
            return Results.Redirect(HostedError.Url(login?.Reset is null ? "login-expired" : "reset-expired"));

        var request = EventParts.Request(context);
        request["body"] = JsonSerializer.SerializeToNode(form?.ToDictionary(f => f.Key, f => f.Value.ToString()) ?? []);
        var result = await triggers.ResumeAsync(login.Suspension, new JsonObject { ["request"] = request }.ToJsonString(), context.RequestAborted);

        if (PostLoginFlow.RedirectOf(result) is { } redirect)
        {
            await suspended.PutAsync(state, login with { Suspension = result.Suspension }, context.RequestAborted);
            return Results.Redirect(WithState(redirect, state));
        }
        await suspended.PutAsync(state, login with { State = LoginState.Complete, Suspension = null, Finished = result }, context.RequestAborted);
        return Results.Redirect(login.ResumeUrl(state));
    }

    // A login is its session user's; a password reset, with no session, is the browser's that opened the still-valid link.
    private static async Task<bool> IsThisBrowsersAsync(HttpContext context, SuspendedLogin login, UserManager<TenantUser> users)
    {
        if (login.Reset is { } reset)
            return await reset.ProvenUserAsync(context, users, login.UserId) is not null;
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return session.Succeeded && users.GetUserId(session.Principal!) == login.UserId;
    }
}
