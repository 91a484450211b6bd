using System.Threading.RateLimiting;
using Flowgate.Runtime.Admin;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Admin;

/// <summary>
/// Rate limits on the administrator's sign-in posts (password, factor, setup): per client IP, and for passwords per
/// account named, wherever the posts come from. Over the limit the post is answered 429 with the reason and is never
/// checked, so it costs no hash and counts toward no lockout.
/// </summary>
internal sealed class AdminSignInLimits(IOptions<AdminOptions> options) : IMiddleware, IDisposable
{
    private readonly PartitionedRateLimiter<string> _perIp = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetSlidingWindowLimiter(ip, _ => Window(options.Value.SignInPermitsPerMinutePerIp)));

    private readonly PartitionedRateLimiter<string> _perAccount = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetSlidingWindowLimiter(account, _ => Window(options.Value.SignInPermitsPerMinutePerAccount)));

    /// <summary>Answers 429 for a sign-in post over a limit; everything else goes on.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !IsSignInPath(context.Request.Path))
        {
            await next(context);
            return;
        }
        using var ip = _perIp.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (!ip.IsAcquired)
        {
            await RefuseAsync(context, "Too many sign-in attempts from your network. Wait a minute and try again.");
            return;
        }
        if (context.Request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase) && context.Request.HasFormContentType)
        {
            var email = (await context.Request.ReadFormAsync(context.RequestAborted))["Input.Email"].ToString().Trim().ToUpperInvariant();
            using var account = _perAccount.AttemptAcquire(email);
            if (!account.IsAcquired)
            {
                await RefuseAsync(context, "Too many sign-in attempts for this account. Wait a minute and try again.");
                return;
            }
        }
        await next(context);
    }

    public void Dispose()
    {
        _perIp.Dispose();
        _perAccount.Dispose();
    }

    private static bool IsSignInPath(PathString path) =>
        path.StartsWithSegments("/account/login") || path.StartsWithSegments("/account/factor")
        || path.StartsWithSegments("/account/enrol") || path.StartsWithSegments("/account/setup");

    private static SlidingWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 };

    private static async Task RefuseAsync(HttpContext context, string reason)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.RetryAfter = "60";
        await context.Response.WriteAsync(reason, context.RequestAborted);
    }
}
