using Flowgate.Dashboard.Hosting;
using Flowgate.Runtime.Limits;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// Per-IP limit on the hosted pages' form posts (login, signup, password reset): password guessing
/// across many accounts is slowed here, guessing one account's password is stopped by its lockout.
/// Counted in the database (<see cref="RateLimitCounters"/>), so the limit holds over every instance.
/// </summary>
internal static class HostedLoginRateLimit
{
    public const string Section = "HostedLogin:RateLimit:PermitsPerMinute";
    private const int DefaultPermitsPerMinute = 30;

    public static IServiceCollection AddHostedLoginRateLimit(this IServiceCollection services) =>
        services.AddRateLimitCounters();

    /// <summary>Answers 429 to a hosted page's post over the limit; everything else goes on.</summary>
    public static WebApplication UseHostedLoginRateLimit(this WebApplication app)
    {
        var limit = new RateLimit("hosted-ip", app.Configuration.GetValue(Section, DefaultPermitsPerMinute), TimeSpan.FromMinutes(1));
        var counters = app.Services.GetRequiredService<RateLimitCounters>();
        app.Use(async (context, next) =>
        {
            if (IsHostedPagePost(context.Request)
                && await counters.TryHitAsync(limit, ClientAddress.Of(context), context.RequestAborted) is { Allowed: false } refused)
            {
                await TooManyRequests.WriteAsync(context, refused.RetryAfter, "Too many attempts from your network. Wait a minute and try again.");
                return;
            }
            await next(context);
        });
        return app;
    }

    private static bool IsHostedPagePost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/u");
}
