using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>Starts Auth0 user import and export jobs over HTTP and waits for them as a client polling the job does.</summary>
internal static class UserJobs
{
    public const string ConnectionId = "con_UsernamePassword";

    public static async Task<HttpResponseMessage> PostImportAsync(this HttpClient http, Stream users, bool? upsert = null, string? connectionId = ConnectionId,
        string? externalId = null, bool sendCompletionEmail = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(users);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "users", "users.json");
        if (connectionId is not null)
            form.Add(new StringContent(connectionId), "connection_id");
        if (upsert is not null)
            form.Add(new StringContent(upsert.Value ? "true" : "false"), "upsert");
        if (externalId is not null)
            form.Add(new StringContent(externalId), "external_id");
        form.Add(new StringContent(sendCompletionEmail ? "true" : "false"), "send_completion_email");
        return await http.PostAsync("/api/v2/jobs/users-imports", form);
    }

    /// <summary>Imports <paramref name="users"/> (serialized as the file's JSON array) and returns the finished job.</summary>
    public static async Task<JsonElement> ImportAsync(this HttpClient http, IEnumerable<object> users, bool upsert = false, bool sendCompletionEmail = false)
    {
        using var file = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(users));
        var job = await (await http.PostImportAsync(file, upsert, sendCompletionEmail: sendCompletionEmail)).JsonAsync(202);
        return await http.WaitForJobAsync(job.GetProperty("id").GetString()!);
    }

    /// <summary>Polls <c>GET /jobs/{id}</c> until the job is no longer pending or processing (Auth0's clients do the same).</summary>
    public static async Task<JsonElement> WaitForJobAsync(this HttpClient http, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var job = await http.GetFromJsonAsync<JsonElement>($"/api/v2/jobs/{id}");
            if (job.GetProperty("status").GetString() is not ("pending" or "processing"))
                return job;
            Assert.True(DateTime.UtcNow < deadline, $"job {id} still {job.GetProperty("status")}");
            await Task.Delay(25);
        }
    }

    /// <summary>The end user's login on the hosted page with <paramref name="password"/>: true when it reaches the callback with a code.</summary>
    public static Task<bool> LogsInAsync(this FlowgateApp app, string clientId, string email, string password) =>
        app.CreateBrowserClient().LogsInAsync(clientId, email, password);

    /// <summary>The same with a browser client of the caller's (its own cookies, redirects not followed).</summary>
    public static async Task<bool> LogsInAsync(this HttpClient http, string clientId, string email, string password)
    {
        var login = await http.GetAsync(HostedLogin.AuthorizeUrl(clientId, HostedLogin.Verifier, "s1"));
        var posted = await HtmlForm.SubmitAsync(http, login.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password,
        });
        if (posted.StatusCode != HttpStatusCode.Redirect)
            return false;
        var callback = await http.GetAsync(posted.Headers.Location);
        return callback.StatusCode == HttpStatusCode.Redirect && callback.Headers.Location!.OriginalString.StartsWith(EndUsers.Callback + "?code=", StringComparison.Ordinal);
    }

    public static string Email(string label) => $"{label}-{Guid.NewGuid():N}@example.com";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
