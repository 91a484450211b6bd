using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Konscious.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>Auth0's <c>POST /jobs/users-imports</c>: users with their password hashes, upsert, per-row errors.</summary>
public sealed class UserImportJobTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public UserImportJobTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Users_imported_with_bcrypt_pbkdf2_argon2_and_salted_sha256_hashes_log_in_and_their_hash_becomes_the_default()
    {
        var http = await _app.CreateManagementClientAsync();
        var spa = await _app.CreateSpaAsync();
        var users = new (string Email, string Password, object Hash)[]
        {
            (UserJobs.Email("bcrypt"), "bcrypt password 1", Bcrypt("bcrypt password 1")),
            (UserJobs.Email("pbkdf2"), "pbkdf2 password 2", Pbkdf2("pbkdf2 password 2")),
            (UserJobs.Email("argon2"), "argon2 password 3", Argon2("argon2 password 3")),
            (UserJobs.Email("sha256"), "sha256 password 4", SaltedSha256("sha256 password 4")),
        };

        var job = await http.ImportAsync(users.Select(u => new { email = u.Email, email_verified = true, custom_password_hash = u.Hash }));

        Assert.Equal(("completed", "users_import", UserJobs.ConnectionId), (job.GetProperty("status").GetString(), job.GetProperty("type").GetString(), job.GetProperty("connection_id").GetString()));
        Assert.Equal((0, 0, 4, 4), Summary(job));
        foreach (var (email, password, _) in users)
        {
            Assert.False(await _app.LogsInAsync(spa.ClientId, email, password + "!"), $"{email}: a wrong password before the first login");
            Assert.True(await _app.LogsInAsync(spa.ClientId, email, password), $"{email}: first login with the imported hash");
            Assert.StartsWith("AQAAAA", await StoredHashAsync(email)); // Identity's default (v3) hash now
            Assert.True(await _app.LogsInAsync(spa.ClientId, email, password), $"{email}: second login with the default hash");
            Assert.False(await _app.LogsInAsync(spa.ClientId, email, "wrong password"), $"{email}: a wrong password after the rehash");
        }
    }

    [Fact]
    public async Task On_postgresql_imported_users_log_in_bad_rows_are_reported_and_an_export_is_served()
    {
        using var database = TestDatabase.Create(DatabaseProvider.PostgreSql);
        using var app = new FlowgateApp(database);
        var http = await app.CreateManagementClientAsync();
        var spa = await app.CreateSpaAsync();
        var email = UserJobs.Email("postgres");

        // More users than one multi-row INSERT takes, so several statements (the last one shorter) go in one batch.
        var hash = Pbkdf2("postgres password");
        var emails = Enumerable.Range(0, 150).Select(i => UserJobs.Email($"postgres-{i}")).ToList();
        var many = emails.Select((e, i) => (object)new { email = e, given_name = $"User {i}", custom_password_hash = hash });
        var job = await http.ImportAsync([new { email, custom_password_hash = hash }, new { email = "nope" }, .. many]);
        var export = await (await http.PostAsJsonAsync("/api/v2/jobs/users-exports", new { connection_id = UserJobs.ConnectionId, format = "csv" })).JsonAsync(201);
        var exported = await http.WaitForJobAsync(export.GetProperty("id").GetString()!);

        Assert.Equal((1, 0, 151, 152), Summary(job));
        Assert.True(await app.LogsInAsync(spa.ClientId, emails[^1], "postgres password"));
        Assert.True(await app.LogsInAsync(spa.ClientId, email, "postgres password"));
        Assert.True(await app.LogsInAsync(spa.ClientId, email, "postgres password"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(exported.GetProperty("location").GetString())).StatusCode);
    }

    [Fact]
    public async Task Bcrypt_password_hash_rows_import_as_on_auth0()
    {
        var http = await _app.CreateManagementClientAsync();
        var spa = await _app.CreateSpaAsync();
        var email = UserJobs.Email("plain-bcrypt");

        var job = await http.ImportAsync([new { email, password_hash = BCrypt.Net.BCrypt.HashPassword("plain bcrypt pw", 10) }]);

        Assert.Equal((0, 0, 1, 1), Summary(job));
        Assert.True(await _app.LogsInAsync(spa.ClientId, email, "plain bcrypt pw"));
    }

    [Fact]
    public async Task An_existing_user_is_reported_without_upsert_and_updated_with_it()
    {
        var http = await _app.CreateManagementClientAsync();
        var email = UserJobs.Email("upsert");
        await http.ImportAsync([new { email, name = "First Name", user_metadata = new { plan = "free", theme = "dark" }, blocked = false }]);

        var refused = await http.ImportAsync([new { email, name = "Second Name" }]);
        var upserted = await http.ImportAsync([new { email, name = "Second Name", user_metadata = new { plan = "pro" }, blocked = true }], upsert: true);

        Assert.Equal((1, 0, 0, 1), Summary(refused));
        var error = (await http.GetFromJsonAsync<JsonElement>($"/api/v2/jobs/{refused.GetProperty("id").GetString()}/errors"))[0];
        Assert.Equal((email, "DUPLICATED_USER"), (error.GetProperty("user").GetProperty("email").GetString(), error.GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Equal((0, 1, 0, 1), Summary(upserted));
        var user = (await http.GetFromJsonAsync<JsonElement>($"/api/v2/users-by-email?email={Uri.EscapeDataString(email)}"))[0];
        Assert.Equal("Second Name", user.GetProperty("name").GetString());
        Assert.Equal(("pro", "dark"), (user.GetProperty("user_metadata").GetProperty("plan").GetString(), user.GetProperty("user_metadata").GetProperty("theme").GetString()));
        Assert.False(user.GetProperty("blocked").GetBoolean()); // Auth0 does not upsert blocked
    }

    [Fact]
    public async Task Bad_rows_are_reported_one_by_one_and_the_good_rows_are_imported()
    {
        var http = await _app.CreateManagementClientAsync();
        var (first, last) = (UserJobs.Email("good-first"), UserJobs.Email("good-last"));
        var rows = new object[]
        {
            new { email = first, given_name = "Ada" },
            new { name = "No Email" },
            new { email = "not-an-address" },
            new { email = UserJobs.Email("typed"), email_verified = "yes" },
            new { email = UserJobs.Email("hash"), custom_password_hash = new { algorithm = "md5", hash = new { value = "zz", encoding = "hex" } } },
            new { email = UserJobs.Email("extra"), favourite_colour = "blue" },
            new { email = last, family_name = "Lovelace" },
        };

        var job = await http.ImportAsync(rows);
        var errors = await http.GetFromJsonAsync<JsonElement>($"/api/v2/jobs/{job.GetProperty("id").GetString()}/errors");

        Assert.Equal((5, 0, 2, 7), Summary(job));
        Assert.Equal(
            [("OBJECT_MISSING_REQUIRED_PROPERTY", "email"), ("INVALID_FORMAT", "email"), ("INVALID_TYPE", "email_verified"),
             ("INVALID_FORMAT", "custom_password_hash.hash.value"), ("OBJECT_ADDITIONAL_PROPERTIES", "favourite_colour")],
            errors.EnumerateArray().Select(e => (e.GetProperty("errors")[0].GetProperty("code").GetString(), e.GetProperty("errors")[0].GetProperty("path").GetString())));
        Assert.Equal("No Email", errors[0].GetProperty("user").GetProperty("name").GetString());
        foreach (var email in new[] { first, last })
            Assert.Equal(1, (await http.GetFromJsonAsync<JsonElement>($"/api/v2/users-by-email?email={Uri.EscapeDataString(email)}")).GetArrayLength());
    }

    [Fact]
    public async Task A_file_that_is_not_a_json_array_fails_the_job_with_the_reason()
    {
        var http = await _app.CreateManagementClientAsync();
        using var file = new MemoryStream(UserJobs.Utf8($$"""[{"email":"{{UserJobs.Email("fault")}}"}, {"email": oops}]"""));

        var job = await http.WaitForJobAsync((await (await http.PostImportAsync(file)).JsonAsync(202)).GetProperty("id").GetString()!);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Contains("not a valid JSON array (line 1)", job.GetProperty("status_details").GetString());
        var errors = await http.GetFromJsonAsync<JsonElement>($"/api/v2/jobs/{job.GetProperty("id").GetString()}/errors");
        Assert.Equal(("failed", job.GetProperty("status_details").GetString()), (errors.GetProperty("status").GetString(), errors.GetProperty("status_details").GetString()));
    }

    [Fact]
    public async Task Importing_needs_create_users_a_known_connection_and_a_file()
    {
        var reader = await _app.CreateManagementClientAsync("read:users");
        var http = await _app.CreateManagementClientAsync();

        var forbidden = await reader.PostImportAsync(new MemoryStream(UserJobs.Utf8("[]")));
        var unknown = await http.PostImportAsync(new MemoryStream(UserJobs.Utf8("[]")), connectionId: "con_doesnotexist00");
        var json = await http.PostAsJsonAsync("/api/v2/jobs/users-imports", new { connection_id = UserJobs.ConnectionId });
        var missing = await http.GetAsync("/api/v2/jobs/job_doesnotexist0000");
        var longExternalId = await http.PostImportAsync(new MemoryStream(UserJobs.Utf8("[]")), externalId: new string('x', 129));
        var named = await (await http.PostImportAsync(new MemoryStream(UserJobs.Utf8("[]")), externalId: "migration-1")).JsonAsync(202);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await unknown.AssertErrorAsync(400, "Flowgate has one: con_UsernamePassword");
        await json.AssertErrorAsync(400, "multipart/form-data");
        await missing.AssertErrorAsync(404, "The job does not exist");
        await longExternalId.AssertErrorAsync(400, "'external_id' is longer than 128");
        Assert.Equal("migration-1", named.GetProperty("external_id").GetString());
    }

    internal static (int Failed, int Updated, int Inserted, int Total) Summary(JsonElement job)
    {
        var summary = job.GetProperty("summary");
        return (summary.GetProperty("failed").GetInt32(), summary.GetProperty("updated").GetInt32(), summary.GetProperty("inserted").GetInt32(), summary.GetProperty("total").GetInt32());
    }

    private async Task<string> StoredHashAsync(string email)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        return (await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant())).PasswordHash!;
    }

    private static object Bcrypt(string password) => new { algorithm = "bcrypt", hash = new { value = BCrypt.Net.BCrypt.HashPassword(password, 10) } };

    private static object Pbkdf2(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, 10_000, HashAlgorithmName.SHA256, 32);
        return new { algorithm = "pbkdf2", hash = new { value = $"$pbkdf2-sha256$i=10000,l=32${Phc(salt)}${Phc(key)}", encoding = "utf8" } };
    }

    private static object Argon2(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        using var argon2 = new Argon2id(Encoding.UTF8.GetBytes(password)) { Salt = salt, MemorySize = 4096, Iterations = 2, DegreeOfParallelism = 1 };
        return new { algorithm = "argon2", hash = new { value = $"$argon2id$v=19$m=4096,t=2,p=1${Phc(salt)}${Phc(argon2.GetBytes(32))}", encoding = "utf8" } };
    }

    private static object SaltedSha256(string password)
    {
        var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(salt + password));
        return new { algorithm = "sha256", hash = new { value = Convert.ToBase64String(digest), encoding = "base64" }, salt = new { value = salt, encoding = "utf8", position = "prefix" } };
    }

    private static string Phc(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}
