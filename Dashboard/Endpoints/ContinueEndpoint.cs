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

    private static async Task<IResult> HandleAsync(HttpContext context, ParkedLogins parked, TriggerRunner triggers, UserManager<TenantUser> users)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var state = form?["state"].ToString() is { Length: > 0 } posted ? posted : context.Request.Query["state"].ToString();
        // Only a transaction an Action redirected: one at a factor, finished, or a step-up is never resumed here.
        var login = await parked.FindAsync<ParkedAtRedirect>(state, context.RequestAborted);
        if (login is null || !await IsThisBrowsersAsync(context, login, users))
            return Results.Redirect(HostedError.Url(login?.For is ParkedReset ? "reset-expired" : "login-expired"));

        var request = EventParts.Request(context);
        request["body"] = JsonSerializer.SerializeToNode(form?.ToDictionary(f => f.Key, f => f.Value.ToString()) ?? []);
        var result = await triggers.ResumeAsync(login.Suspension, new JsonObject { ["request"] = request }.ToJsonString(), context.RequestAborted);

        var next = login.Resumed(result);
        await parked.PutAsync(state, next, context.RequestAborted);
        return Results.Redirect(ParkedLogin.RedirectOf(result) is { } redirect ? LoginUrls.WithState(redirect, state) : LoginUrls.ResumeUrl(login.For, state));
    }

    // A login is its session user's; a password reset, with no session, is the browser's that opened the still-valid link.
    private static async Task<bool> IsThisBrowsersAsync(HttpContext context, ParkedAtRedirect login, UserManager<TenantUser> users)
    {
        if (login.For is ParkedReset reset)
            return await ResetBrowser.ProvenUserAsync(context, users, reset, login.UserId) is not null;
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return session.Succeeded && users.GetUserId(session.Principal!) == login.UserId;
    }
}
