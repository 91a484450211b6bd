using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>A 10,000-user import: the file streams in, the job finishes in seconds, and its users can log in.</summary>
public sealed class UserImportScaleTests(FlowgateAppFixture fixture, ITestOutputHelper output) : IClassFixture<FlowgateAppFixture>
{
    private const int Users = 10_000;
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task Ten_thousand_users_import_in_seconds()
    {
        var http = await _app.CreateManagementClientAsync();
        var spa = await _app.CreateSpaAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var path = Path.Combine(Path.GetTempPath(), $"flowgate-import-{run}.json");
        WriteUsersFile(path, run);
        try
        {
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var peak = baseline;
            var clock = Stopwatch.StartNew();
            await using var file = File.OpenRead(path);
            var id = (await (await http.PostImportAsync(file)).JsonAsync(202)).GetProperty("id").GetString()!;
            JsonElement job;
            do
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(20);
                job = await http.GetFromJsonAsync<JsonElement>($"/api/v2/jobs/{id}");
            }
            while (job.GetProperty("status").GetString() is "pending" or "processing");
            clock.Stop();

            var server = await ServerTimeAsync(id);
            output.WriteLine($"{Users} users, file {new FileInfo(path).Length / 1024} KiB: {clock.Elapsed.TotalSeconds:F2} s from upload to completed ({server.TotalSeconds:F2} s in the job); " +
                $"managed heap peak {(peak - baseline) / (1024 * 1024)} MiB above the baseline");
            Assert.Equal((0, 0, Users, Users), UserImportJobTests.Summary(job));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
            Assert.True(await _app.LogsInAsync(spa.ClientId, $"bulk-{run}-9999@example.com", "password 9999"));
            Assert.True(await _app.LogsInAsync(spa.ClientId, $"bulk-{run}-0@example.com", "password 0"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // How long the job itself ran (created to completed), apart from the upload and the polling.
    private async Task<TimeSpan> ServerTimeAsync(string id)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        var job = await db.UserJobs.SingleAsync(j => j.Id == id);
        return job.CompletedAt!.Value - job.CreatedAt;
    }

    // Salted sha256 and md5 rows (cheap to make), and a bcrypt row every 2,500.
    private static void WriteUsersFile(string path, string run)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartArray();
        for (var i = 0; i < Users; i++)
        {
            var password = $"password {i}";
            json.WriteStartObject();
            json.WriteString("email", $"bulk-{run}-{i}@example.com");
            json.WriteBoolean("email_verified", true);
            json.WriteString("given_name", $"User {i}");
            if (i % 2500 == 0)
                json.WriteString("password_hash", BCrypt.Net.BCrypt.HashPassword(password, 4));
            else
            {
                var md5 = i % 2 == 0;
                var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
                var input = Encoding.UTF8.GetBytes(password + salt);
                json.WriteStartObject("custom_password_hash");
                json.WriteString("algorithm", md5 ? "md5" : "sha256");
                json.WriteStartObject("hash");
                json.WriteString("value", Convert.ToHexStringLower(md5 ? MD5.HashData(input) : SHA256.HashData(input)));
                json.WriteString("encoding", "hex");
                json.WriteEndObject();
                json.WriteStartObject("salt");
                json.WriteString("value", salt);
                json.WriteString("position", "suffix");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteStartObject("app_metadata");
            json.WriteNumber("legacy_id", i);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
