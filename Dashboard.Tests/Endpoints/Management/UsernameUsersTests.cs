using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>
/// Auth0's usernames on the database connection: <c>requires_username</c> and <c>validation.username</c> set through
/// <c>/connections/{id}</c>, <c>username</c> on <c>/users</c>, in an import (a bad or taken username fails its row only),
/// in an export, and as a login identifier on the hosted page.
/// </summary>
public sealed class UsernameUsersTests : IClassFixture<FlowgateAppFixture>
{
    private const string Connection = "/api/v2/connections/" + UserJobs.ConnectionId;
    private readonly FlowgateApp _app;

    public UsernameUsersTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task The_database_connection_takes_requires_username_and_its_length_and_refuses_other_changes()
    {
        var http = await UsernamesOnAsync();

        var connection = await (await http.GetAsync(Connection)).JsonAsync();
        var other = await http.PatchAsJsonAsync(Connection, new { options = new { requires_username = true, brute_force_protection = false } });
        var inverted = await http.PatchAsJsonAsync(Connection, new { options = new { requires_username = true, validation = new { username = new { min = 9, max = 3 } } } });

        var options = connection.GetProperty("options");
        Assert.True(options.GetProperty("requires_username").GetBoolean());
        Assert.Equal((3, 20), (options.GetProperty("validation").GetProperty("username").GetProperty("min").GetInt32(),
            options.GetProperty("validation").GetProperty("username").GetProperty("max").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, inverted.StatusCode);
    }

    [Fact]
    public async Task Users_are_created_read_searched_and_changed_with_a_username_unique_without_regard_to_case()
    {
        var http = await UsernamesOnAsync();
        var name = Username("api");

        var created = await (await http.PostAsJsonAsync("/api/v2/users", NewUser(name))).JsonAsync(201);
        var id = created.GetProperty("user_id").GetString()!;
        var read = await (await http.GetAsync($"/api/v2/users/{Uri.EscapeDataString(id)}")).JsonAsync();
        var found = await (await http.GetAsync($"/api/v2/users?q=username:{name.ToUpperInvariant()}")).JsonAsync();
        var sameInOtherCase = await http.PostAsJsonAsync("/api/v2/users", NewUser(name.ToUpperInvariant()));
        var missing = await http.PostAsJsonAsync("/api/v2/users", new { connection = "Username-Password-Authentication", email = UserJobs.Email("nameless"), password = "long enough password 1" });
        var tooShort = await http.PostAsJsonAsync("/api/v2/users", NewUser("ab"));
        var anAddress = await http.PostAsJsonAsync("/api/v2/users", NewUser("me@mail.example"));
        var renamed = Username("renamed");
        var patched = await (await http.PatchAsJsonAsync($"/api/v2/users/{Uri.EscapeDataString(id)}", new { username = renamed })).JsonAsync();

        Assert.Equal(name, created.GetProperty("username").GetString());
        Assert.Equal(name, read.GetProperty("username").GetString());
        Assert.Equal([id], found.EnumerateArray().Select(u => u.GetProperty("user_id").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, sameInOtherCase.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, anAddress.StatusCode);
        Assert.Equal(renamed, patched.GetProperty("username").GetString());
        Assert.Equal(renamed, (await (await http.GetAsync($"/api/v2/users/{Uri.EscapeDataString(id)}")).JsonAsync()).GetProperty("username").GetString());
    }

    [Fact]
    public async Task Imported_usernames_log_in_taken_and_invalid_ones_fail_their_row_only_and_the_export_carries_them()
    {
        var http = await UsernamesOnAsync();
        var spa = await _app.CreateSpaAsync();
        var (taken, imported) = (Username("taken"), Username("imported"));
        await http.PostAsJsonAsync("/api/v2/users", NewUser(taken));
        var hash = BCrypt.Net.BCrypt.HashPassword("imported password 1", 4);
        var email = UserJobs.Email("imported");

        var job = await http.ImportAsync(
        [
            new { email, username = imported, password_hash = hash },
            new { email = UserJobs.Email("twin"), username = imported.ToUpperInvariant(), password_hash = hash },
            new { email = UserJobs.Email("holder"), username = taken.ToUpperInvariant(), password_hash = hash },
            new { email = UserJobs.Email("short"), username = "ab", password_hash = hash },
        ]);
        var errors = await (await http.GetAsync($"/api/v2/jobs/{job.GetProperty("id").GetString()}/errors")).JsonAsync();

        Assert.Equal((1, 3), (job.GetProperty("summary").GetProperty("inserted").GetInt32(), job.GetProperty("summary").GetProperty("failed").GetInt32()));
        Assert.Equal(["DUPLICATED_USER:username", "DUPLICATED_USER:username", "INVALID_FORMAT:username"],
            errors.EnumerateArray().Select(e => e.GetProperty("errors")[0]).Select(e => $"{e.GetProperty("code").GetString()}:{e.GetProperty("path").GetString()}").Order());
        Assert.True(await _app.LogsInAsync(spa.ClientId, imported.ToUpperInvariant(), "imported password 1"), "log in by username, in another case");
        Assert.True(await _app.LogsInAsync(spa.ClientId, email, "imported password 1"), "log in by e-mail");
        Assert.False(await _app.LogsInAsync(spa.ClientId, imported, "wrong password"));

        var lines = await ExportAsync(http);
        Assert.Contains(lines, l => l.GetProperty("email").GetString() == email && l.GetProperty("username").GetString() == imported);
    }

    private async Task<HttpClient> UsernamesOnAsync()
    {
        var http = await _app.CreateManagementClientAsync();
        var on = await http.PatchAsJsonAsync(Connection, new { options = new { requires_username = true, validation = new { username = new { min = 3, max = 20 } } } });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        return http;
    }

    private static async Task<IReadOnlyList<JsonElement>> ExportAsync(HttpClient http)
    {
        var started = await (await http.PostAsJsonAsync("/api/v2/jobs/users-exports", new
        {
            connection_id = UserJobs.ConnectionId, format = "json", fields = new[] { new { name = "email" }, new { name = "username" } },
        })).JsonAsync(201);
        var done = await http.WaitForJobAsync(started.GetProperty("id").GetString()!);
        await using var gzip = new GZipStream(await http.GetStreamAsync(done.GetProperty("location").GetString()), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<JsonElement>();
        while (await reader.ReadLineAsync() is { Length: > 0 } line)
            lines.Add(JsonDocument.Parse(line).RootElement);
        return lines;
    }

    private static object NewUser(string username) => new
    {
        connection = "Username-Password-Authentication", email = UserJobs.Email(username.ToLowerInvariant()), username, password = "long enough password 1",
        email_verified = true, verify_email = false,
    };

    private static string Username(string label) => $"{label}_{Guid.NewGuid():N}"[..20];
}
