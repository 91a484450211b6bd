using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Endpoints.Management;

public sealed class UsersApiTests : IClassFixture<FlowgateAppFixture>
{
    private const string Password = "correct horse battery";
    private readonly FlowgateApp _app;

    public UsersApiTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_created_user_has_auth0s_shape_and_reads_back_without_its_password()
    {
        var http = await _app.CreateManagementClientAsync();
        var email = Email();

        var created = await (await http.PostAsJsonAsync("/api/v2/users", new
        {
            connection = "Username-Password-Authentication", email, password = Password, user_metadata = new { hobby = "surfing" },
        })).JsonAsync(201);

        var id = created.GetProperty("user_id").GetString()!;
        Assert.Matches("^auth0\\|[0-9a-f]{24}$", id);
        var identity = created.GetProperty("identities")[0];
        Assert.Equal(("Username-Password-Authentication", "auth0", id["auth0|".Length..], false), (
            identity.GetProperty("connection").GetString(), identity.GetProperty("provider").GetString(),
            identity.GetProperty("user_id").GetString(), identity.GetProperty("isSocial").GetBoolean()));
        Assert.Equal((email, email, email.Split('@')[0], false, false, 0), (
            created.GetProperty("email").GetString(), created.GetProperty("name").GetString(), created.GetProperty("nickname").GetString(),
            created.GetProperty("email_verified").GetBoolean(), created.GetProperty("blocked").GetBoolean(), created.GetProperty("logins_count").GetInt32()));
        var read = await http.GetAsync($"/api/v2/users/{Uri.EscapeDataString(id)}");
        var text = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("surfing", JsonDocument.Parse(text).RootElement.GetProperty("user_metadata").GetProperty("hobby").GetString());
        Assert.DoesNotContain(Password, text);
        Assert.DoesNotContain("AQAAAA", text); // no Identity password hash either
    }

    [Fact]
    public async Task Creating_a_user_whose_email_exists_is_a_409()
    {
        var http = await _app.CreateManagementClientAsync();
        var email = Email();
        await (await CreateAsync(http, email)).JsonAsync(201);

        var again = await CreateAsync(http, email.ToUpperInvariant());

        await again.AssertErrorAsync(409, "The user already exists.");
    }

    [Fact]
    public async Task A_weak_password_is_a_400_naming_the_policy()
    {
        var http = await _app.CreateManagementClientAsync();

        var response = await CreateAsync(http, Email(), password: "short");

        await response.AssertErrorAsync(400, "PasswordStrengthError");
        await response.AssertErrorAsync(400, "at least 8 characters");
    }

    [Fact]
    public async Task Malformed_or_incomplete_bodies_are_400s_that_say_what_is_wrong()
    {
        var http = await _app.CreateManagementClientAsync();

        var notJson = await http.PostAsync("/api/v2/users", new StringContent("{\"email\": ", Encoding.UTF8, "application/json"));
        var noEmail = await http.PostAsJsonAsync("/api/v2/users", new { connection = "Username-Password-Authentication", password = Password });
        var otherConnection = await http.PostAsJsonAsync("/api/v2/users", new { connection = "google-oauth2", email = Email(), password = Password });
        var metadataNotObject = await http.PostAsync("/api/v2/users", new StringContent(
            $$"""{"connection":"Username-Password-Authentication","email":"{{Email()}}","password":"{{Password}}","user_metadata":[1]}""", Encoding.UTF8, "application/json"));

        await notJson.AssertErrorAsync(400, "JSON");
        await noEmail.AssertErrorAsync(400, "'email' is required");
        await otherConnection.AssertErrorAsync(400, "The connection does not exist");
        await metadataNotObject.AssertErrorAsync(400, "user_metadata");
    }

    [Fact]
    public async Task Search_finds_by_text_or_exact_email_and_pages_with_totals()
    {
        var http = await _app.CreateManagementClientAsync();
        var domain = $"d{Guid.NewGuid():N}"[..12] + ".example.com";
        var emails = new[] { $"ann@{domain}", $"bob@{domain}", $"cid@{domain}" };
        foreach (var email in emails)
            await (await CreateAsync(http, email)).JsonAsync(201);

        var first = await http.GetFromJsonAsync<JsonElement>($"/api/v2/users?q={domain}&per_page=2&page=0&include_totals=true");
        var second = await http.GetFromJsonAsync<JsonElement>($"/api/v2/users?q={domain}&per_page=2&page=1&include_totals=true");
        var exact = await http.GetFromJsonAsync<JsonElement>($"/api/v2/users?q={Uri.EscapeDataString($"email:\"BOB@{domain}\"")}");
        var unknownField = await http.GetAsync("/api/v2/users?q=phone_number:123");

        Assert.Equal((0, 2, 2, 3), (first.GetProperty("start").GetInt32(), first.GetProperty("limit").GetInt32(), first.GetProperty("length").GetInt32(), first.GetProperty("total").GetInt32()));
        Assert.Equal(2, second.GetProperty("start").GetInt32());
        var found = first.GetProperty("users").EnumerateArray().Concat(second.GetProperty("users").EnumerateArray()).Select(u => u.GetProperty("email").GetString());
        Assert.Equal(emails.Order(), found.Order());
        Assert.Equal([$"bob@{domain}"], exact.EnumerateArray().Select(u => u.GetProperty("email").GetString()));
        await unknownField.AssertErrorAsync(400, "Unsupported search field 'phone_number'");
    }

    [Fact]
    public async Task Patch_merges_metadata_one_level_deep_removes_null_keys_and_clears_with_an_empty_object()
    {
        var http = await _app.CreateManagementClientAsync();
        var id = await CreateUserIdAsync(http, new { hobby = "surfing", addresses = new { home = "1 Main St", work = "2 Side St" }, color = "blue" });
        var path = $"/api/v2/users/{Uri.EscapeDataString(id)}";

        var merged = await (await http.PatchAsJsonAsync(path, new
        {
            user_metadata = new Dictionary<string, object?> { ["addresses"] = new { home = "3 New St" }, ["color"] = null },
            app_metadata = new { plan = "full" },
            name = "Ann Smith",
        })).JsonAsync();
        var cleared = await (await http.PatchAsJsonAsync(path, new { app_metadata = new { } })).JsonAsync();

        Assert.Equal("""{"hobby":"surfing","addresses":{"home":"3 New St"}}""", merged.GetProperty("user_metadata").GetRawText());
        Assert.Equal("full", merged.GetProperty("app_metadata").GetProperty("plan").GetString());
        Assert.Equal("Ann Smith", merged.GetProperty("name").GetString());
        Assert.Equal("{}", cleared.GetProperty("app_metadata").GetRawText());
        Assert.Equal("surfing", cleared.GetProperty("user_metadata").GetProperty("hobby").GetString());
    }

    [Fact]
    public async Task Patch_changes_password_and_email_with_the_same_rules_as_create()
    {
        var http = await _app.CreateManagementClientAsync();
        var taken = Email();
        await (await CreateAsync(http, taken)).JsonAsync(201);
        var id = await CreateUserIdAsync(http);
        var path = $"/api/v2/users/{Uri.EscapeDataString(id)}";

        var weak = await http.PatchAsJsonAsync(path, new { password = "short" });
        var duplicate = await http.PatchAsJsonAsync(path, new { email = taken });
        var newEmail = Email();
        var changed = await (await http.PatchAsJsonAsync(path, new { password = "another long passphrase", email = newEmail })).JsonAsync();

        await weak.AssertErrorAsync(400, "at least 8 characters");
        await duplicate.AssertErrorAsync(409, "The user already exists.");
        Assert.Equal(newEmail, changed.GetProperty("email").GetString());
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>();
        var user = await users.FindByEmailAsync(newEmail);
        Assert.True(await users.CheckPasswordAsync(user!, "another long passphrase"));
        Assert.False(await users.CheckPasswordAsync(user!, Password));
    }

    [Fact]
    public async Task A_blocked_user_cannot_log_in_on_the_hosted_page_until_unblocked()
    {
        var http = await _app.CreateManagementClientAsync();
        var email = Email();
        var id = (await (await CreateAsync(http, email)).JsonAsync(201)).GetProperty("user_id").GetString()!;
        var path = $"/api/v2/users/{Uri.EscapeDataString(id)}";

        var blocked = await (await http.PatchAsJsonAsync(path, new { blocked = true })).JsonAsync();
        var refused = await LogInAsync(email);
        await (await http.PatchAsJsonAsync(path, new { blocked = false })).JsonAsync();
        var admitted = await LogInAsync(email);

        Assert.True(blocked.GetProperty("blocked").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-test=\"login-error\"", await refused.Content.ReadAsStringAsync());
        Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("flowgate.session=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
    }

    [Fact]
    public async Task A_deleted_user_is_gone()
    {
        var http = await _app.CreateManagementClientAsync();
        var path = $"/api/v2/users/{Uri.EscapeDataString(await CreateUserIdAsync(http))}";

        var deleted = await http.DeleteAsync(path);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await http.GetAsync(path)).AssertErrorAsync(404, "The user does not exist.");
        await (await http.DeleteAsync(path)).AssertErrorAsync(404, "The user does not exist.");
    }

    [Fact]
    public async Task Each_user_endpoint_needs_its_scope()
    {
        var reader = await _app.CreateManagementClientAsync(scope: "read:users");
        var id = Uri.EscapeDataString(await CreateUserIdAsync(await _app.CreateManagementClientAsync()));

        await (await _app.CreateClient().GetAsync("/api/v2/users")).AssertErrorAsync(401, "Missing authentication");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v2/users/{id}")).StatusCode);
        await (await CreateAsync(reader, Email())).AssertErrorAsync(403, "expected any of: create:users");
        await (await reader.PatchAsJsonAsync($"/api/v2/users/{id}", new { blocked = true })).AssertErrorAsync(403, "update:users");
        await (await reader.DeleteAsync($"/api/v2/users/{id}")).AssertErrorAsync(403, "delete:users");
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient http, string email, string password = Password, object? userMetadata = null) =>
        http.PostAsJsonAsync("/api/v2/users", new { connection = "Username-Password-Authentication", email, password, user_metadata = userMetadata ?? new { } });

    private static async Task<string> CreateUserIdAsync(HttpClient http, object? userMetadata = null) =>
        (await (await CreateAsync(http, Email(), userMetadata: userMetadata)).JsonAsync(201)).GetProperty("user_id").GetString()!;

    private async Task<HttpResponseMessage> LogInAsync(string email)
    {
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return await HtmlForm.SubmitAsync(browser, "/u/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
    }

    private static string Email() => $"user-{Guid.NewGuid():N}@example.com";
}
