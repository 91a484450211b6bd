using System.Text;
using System.Text.Json;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// Auth0 accepts <c>POST /oauth/token</c> with a JSON body (its docs' curl examples use it); OAuth 2.0
/// and OpenIddict accept only form posts. This turns a JSON body into the equivalent form before
/// OpenIddict reads it, and answers malformed JSON with a clear 400.
/// </summary>
internal sealed class JsonTokenRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Path.Equals("/oauth/token", StringComparison.OrdinalIgnoreCase)
            || context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await next(context);
            return;
        }

        Dictionary<string, string> fields;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new JsonException("The body must be a JSON object.");
            fields = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => ToFormValue(p.Value));
        }
        catch (JsonException e)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new
            {
                error = "invalid_request",
                error_description = $"The request body is not valid JSON: {e.Message}",
            });
            return;
        }

        var form = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        var bytes = Encoding.UTF8.GetBytes(form);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        await next(context);
    }

    private static string ToFormValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "",
        JsonValueKind.Array => string.Join(' ', value.EnumerateArray().Select(ToFormValue)),
        _ => value.GetRawText(),
    };
}
