using Flowgate.Dashboard.Hosting;
using Flowgate.Runtime.Admin;
using Flowgate.Runtime.Limits;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Admin;

/// <summary>
/// Rate limits on the administrator's sign-in posts (password, factor, setup): per client IP, and for passwords per
/// account named, wherever the posts come from. Over the limit the post is answered 429 with the reason and is never
/// checked, so it costs no hash and counts toward no lockout. Counted in the database, so they hold over every instance.
/// </summary>
internal sealed class AdminSignInLimits(IOptions<AdminOptions> options, RateLimitCounters counters) : IMiddleware
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Answers 429 for a sign-in post over a limit; everything else goes on.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !IsSignInPath(context.Request.Path))
        {
            await next(context);
            return;
        }
        var perIp = new RateLimit("admin-ip", options.Value.SignInPermitsPerMinutePerIp, Window);
        if (await counters.TryHitAsync(perIp, ClientAddress.Of(context), context.RequestAborted) is { Allowed: false } ip)
        {
            await TooManyRequests.WriteAsync(context, ip.RetryAfter, "Too many sign-in attempts from your network. Wait a minute and try again.");
            return;
        }
        if (context.Request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase) && context.Request.HasFormContentType)
        {
            var email = (await context.Request.ReadFormAsync(context.RequestAborted))["Input.Email"].ToString().Trim().ToUpperInvariant();
            var perAccount = new RateLimit("admin-account", options.Value.SignInPermitsPerMinutePerAccount, Window);
            if (await counters.TryHitAsync(perAccount, email, context.RequestAborted) is { Allowed: false } account)
            {
                await TooManyRequests.WriteAsync(context, account.RetryAfter, "Too many sign-in attempts for this account. Wait a minute and try again.");
                return;
            }
        }
        await next(context);
    }

    private static bool IsSignInPath(PathString path) =>
        path.StartsWithSegments("/account/login") || path.StartsWithSegments("/account/factor")
        || path.StartsWithSegments("/account/enrol") || path.StartsWithSegments("/account/setup");
}
