namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>Auth0's Management API error body: <c>{"statusCode":401,"error":"Unauthorized","message":"..."}</c>.</summary>
internal sealed record ManagementError(int StatusCode, string Error, string Message, string? ErrorCode = null)
{
    public static IResult Result(int statusCode, string message, string? errorCode = null) =>
        TypedResults.Json(Of(statusCode, message, errorCode), statusCode: statusCode);

    public static ManagementError Of(int statusCode, string message, string? errorCode = null) =>
        new(statusCode, ReasonPhrase(statusCode), message, errorCode);

    public Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = StatusCode;
        return response.WriteAsJsonAsync(this);
    }

    private static string ReasonPhrase(int statusCode) => statusCode switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode),
    };
}
