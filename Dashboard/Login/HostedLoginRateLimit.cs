using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// Per-IP limit on the hosted pages' form posts (login, signup, password reset): password guessing
/// across many accounts is slowed here, guessing one account's password is stopped by its lockout.
/// </summary>
internal static class HostedLoginRateLimit
{
    public const string Section = "HostedLogin:RateLimit:PermitsPerMinute";
    private const int DefaultPermitsPerMinute = 30;

    public static IServiceCollection AddHostedLoginRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue(Section, DefaultPermitsPerMinute);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsHostedPagePost(context.Request)
                    ? RateLimitPartition.GetSlidingWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new SlidingWindowRateLimiterOptions
                    {
                        PermitLimit = permits, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                await rejected.HttpContext.Response.WriteAsync("Too many attempts from your network. Wait a minute and try again.", cancellationToken);
            };
        });
        return services;
    }

    private static bool IsHostedPagePost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/u");
}
