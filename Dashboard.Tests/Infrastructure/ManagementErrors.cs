using System.Text.Json;

namespace Flowgate.Tests.Infrastructure;

/// <summary>Checks a Management API error: the status and Auth0's JSON body with a message a caller can act on.</summary>
internal static class ManagementErrors
{
    public static async Task AssertErrorAsync(this HttpResponseMessage response, int status, string messagePart)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, body.GetProperty("statusCode").GetInt32());
        Assert.Contains(messagePart, body.GetProperty("message").GetString());
    }

    /// <summary>The body of a successful response, failing with the server's message otherwise.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, int status = 200)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
