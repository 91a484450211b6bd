using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>Auth0's <c>POST /jobs/users-exports</c>: JSON lines and CSV with Auth0's field names, at an authenticated location.</summary>
public sealed class UserExportJobTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public UserExportJobTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task An_export_in_json_lines_carries_the_requested_fields_under_auth0s_names()
    {
        var http = await _app.CreateManagementClientAsync();
        var emails = await ImportThreeAsync(http);

        var job = await ExportAsync(http, new
        {
            connection_id = UserJobs.ConnectionId, format = "json",
            fields = new object[] { new { name = "user_id" }, new { name = "email" }, new { name = "email_verified" }, new { name = "user_metadata.plan", export_as = "plan" }, new { name = "created_at" } },
        });
        var lines = (await DownloadAsync(http, job)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        var ours = lines.Where(l => emails.Contains(l.GetProperty("email").GetString())).OrderBy(l => l.GetProperty("email").GetString()).ToList();
        Assert.Equal(3, ours.Count);
        Assert.All(ours, l => Assert.Matches("^auth0\\|", l.GetProperty("user_id").GetString()));
        Assert.Equal(["user_id", "email", "email_verified", "plan", "created_at"], ours[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("pro", ours.Single(l => l.GetProperty("email").GetString() == emails[0]).GetProperty("plan").GetString());
        Assert.True(ours.Single(l => l.GetProperty("email").GetString() == emails[0]).GetProperty("email_verified").GetBoolean());
    }

    [Fact]
    public async Task An_export_in_csv_has_a_header_of_field_names_and_one_row_per_user()
    {
        var http = await _app.CreateManagementClientAsync();
        var emails = await ImportThreeAsync(http);

        var job = await ExportAsync(http, new
        {
            connection_id = UserJobs.ConnectionId, format = "csv",
            fields = new object[] { new { name = "email" }, new { name = "given_name", export_as = "First name" }, new { name = "user_metadata.plan" } },
        });
        var rows = (await DownloadAsync(http, job)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("email,First name,user_metadata.plan", rows[0]);
        Assert.Contains($"{emails[0]},\"Smith, Ada\",pro", rows);
        Assert.Contains($"{emails[1]},'=1+1,", rows); // a formula is neutralised for spreadsheets
        Assert.Equal("csv", job.GetProperty("format").GetString());
    }

    [Fact]
    public async Task The_export_file_needs_a_token_with_read_users_and_exporting_refuses_unknown_fields()
    {
        var http = await _app.CreateManagementClientAsync();
        var job = await ExportAsync(http, new { connection_id = UserJobs.ConnectionId, format = "json" });
        var location = job.GetProperty("location").GetString()!;

        var anonymous = await _app.CreateClient().GetAsync(location);
        var unknownField = await http.PostAsJsonAsync("/api/v2/jobs/users-exports", new { connection_id = UserJobs.ConnectionId, fields = new[] { new { name = "password_hash" } } });
        var badFormat = await http.PostAsJsonAsync("/api/v2/jobs/users-exports", new { connection_id = UserJobs.ConnectionId, format = "xml" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await unknownField.AssertErrorAsync(400, "'password_hash' cannot be exported");
        await badFormat.AssertErrorAsync(400, "must be json or csv");
    }

    private static async Task<string[]> ImportThreeAsync(HttpClient http)
    {
        string[] emails = [UserJobs.Email("export-a"), UserJobs.Email("export-b"), UserJobs.Email("export-c")];
        var job = await http.ImportAsync(
        [
            new { email = emails[0], email_verified = true, given_name = "Smith, Ada", user_metadata = new { plan = "pro" } },
            new { email = emails[1], email_verified = false, given_name = "=1+1", user_metadata = new { plan = (string?)null } },
            new { email = emails[2], email_verified = false, given_name = "Grace", user_metadata = new { plan = "free" } },
        ]);
        Assert.Equal((0, 0, 3, 3), UserImportJobTests.Summary(job));
        return emails;
    }

    private static async Task<JsonElement> ExportAsync(HttpClient http, object body)
    {
        var created = await (await http.PostAsJsonAsync("/api/v2/jobs/users-exports", body)).JsonAsync(201);
        Assert.Equal(("pending", "users_export"), (created.GetProperty("status").GetString(), created.GetProperty("type").GetString()));
        var job = await http.WaitForJobAsync(created.GetProperty("id").GetString()!);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        return job;
    }

    private static async Task<string> DownloadAsync(HttpClient http, JsonElement job)
    {
        var file = await http.GetAsync(job.GetProperty("location").GetString());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        await using var gzip = new GZipStream(await file.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        return await new StreamReader(gzip).ReadToEndAsync();
    }
}
