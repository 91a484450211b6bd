namespace Flowgate.Dashboard.Hosting;

/// <summary>The answer to a post over a request limit: 429, the reason in words, and when to try again.</summary>
internal static class TooManyRequests
{
    public static async Task WriteAsync(HttpContext context, TimeSpan retryAfter, string reason)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.Response.WriteAsync(reason, context.RequestAborted);
    }
}
