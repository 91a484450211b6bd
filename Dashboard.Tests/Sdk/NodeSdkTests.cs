using System.Text.Json;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Endpoints.Management;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Sdk;

/// <summary>Auth0's Node SDK (npm <c>auth0</c>, pinned in <c>Sdk/package-lock.json</c>) drives Flowgate's Management API unchanged.</summary>
public sealed class NodeSdkTests
{
    [Fact]
    public async Task The_ManagementClient_creates_deploys_rolls_back_and_binds_an_Action_and_reads_errors_as_Auth0s()
    {
        using var certificates = new LoopbackCertificates();
        using var app = KestrelApp.StartHttps(certificates.Server);
        var sdk = await SdkEnvironmentAsync(app, certificates);

        var stdout = await RunAsync("manage-actions.js", sdk);

        Assert.DoesNotContain("sdk-secret-value", stdout);
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Contains("post-login@v3", Strings(result.GetProperty("triggers")));
        var id = result.GetProperty("created").GetProperty("id").GetString()!;
        Assert.Equal(["name", "updated_at"], Strings(result.GetProperty("created").GetProperty("secrets")[0]));
        Assert.Equal([1, 2, 3], result.GetProperty("deployed").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal([(3, true), (2, false), (1, false)], result.GetProperty("versions").EnumerateArray()
            .Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("deployed").GetBoolean())));
        Assert.Equal(["Claim from the SDK"], Strings(result.GetProperty("bound")));
        var binding = Assert.Single(result.GetProperty("bindings").EnumerateArray());
        Assert.Equal(id, binding.GetProperty("action_id").GetString());
        var listed = Assert.Single(result.GetProperty("listed").EnumerateArray());
        Assert.Equal(3, listed.GetProperty("deployed_number").GetInt32());
        Assert.False(listed.GetProperty("all_changes_deployed").GetBoolean());
        Assert.Contains("\"v2\"", result.GetProperty("fetched").GetProperty("code").GetString());
        Assert.Contains("\"v1\"", result.GetProperty("fetched").GetProperty("deployed_code").GetString());
        AssertFailure(result.GetProperty("missing_action"), "NotFoundError", 404);
        AssertFailure(result.GetProperty("missing_execution"), "NotFoundError", 404);
        // Auth0 documents no 409 for creating an Action, so the SDK has no error class for it: the generic one, with the status and message.
        AssertFailure(result.GetProperty("duplicate_name"), "ManagementError", 409);
        Assert.Equal("An Action named 'Set a claim from the SDK' already exists.", result.GetProperty("duplicate_name").GetProperty("message").GetString());

        // What logins run now: the bound Action at v3, a copy of v1.
        await using var scope = app.Services.CreateAsyncScope();
        var live = Assert.Single(await scope.ServiceProvider.GetRequiredService<DeployedFlowLoader>().LoadAsync("post-login", CancellationToken.None));
        Assert.Equal(("Claim from the SDK", id), (live.Name, live.ActionId));
        Assert.Contains("\"v1\"", live.Code);
        Assert.Equal("sdk-secret-value", live.Secrets["API_KEY"]);
    }

    [Fact]
    public async Task The_ManagementClient_reads_the_execution_record_of_a_login()
    {
        using var certificates = new LoopbackCertificates();
        using var app = KestrelApp.StartHttps(certificates.Server);
        await app.DeployAndBindAsync(("Claim for the SDK", "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://example.com/k', 1); };"));
        var spa = await app.CreateSpaAsync();
        var user = await app.CreateUserAsync();
        var callback = await certificates.CreateBrowserClient(new Uri(app.BaseUrl())).LogInAsync(spa.ClientId, user.Email!);
        Assert.Contains("code=", callback.Query);
        await app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        string id;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync())
            id = await db.Executions.Select(e => e.Id).SingleAsync();

        var sdk = await SdkEnvironmentAsync(app, certificates);
        sdk["EXECUTION_ID"] = id;
        var execution = JsonDocument.Parse(await RunAsync("read-execution.js", sdk)).RootElement;

        Assert.Equal(id, execution.GetProperty("id").GetString());
        Assert.Equal("post-login", execution.GetProperty("trigger_id").GetString());
        Assert.Equal("final", execution.GetProperty("status").GetString());
        var result = Assert.Single(execution.GetProperty("results").EnumerateArray());
        Assert.Equal("Claim for the SDK", result.GetProperty("action_name").GetString());
        Assert.True(result.GetProperty("started_at").GetDateTimeOffset() <= result.GetProperty("ended_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_ManagementClient_provisions_users_roles_applications_APIs_and_MFA_factors_and_reads_logs_as_Auth0s()
    {
        using var certificates = new LoopbackCertificates();
        using var app = KestrelApp.StartHttps(certificates.Server);
        var sdk = await SdkEnvironmentAsync(app, certificates);

        var result = JsonDocument.Parse(await RunAsync("manage-users.js", sdk)).RootElement;

        var created = result.GetProperty("created");
        var userId = created.GetProperty("user_id").GetString()!;
        Assert.StartsWith("auth0|", userId);
        Assert.Equal("sdk.user@example.com", created.GetProperty("email").GetString());
        Assert.Equal("""{"plan":"pro"}""", result.GetProperty("updated").GetProperty("app_metadata").GetRawText());
        Assert.Equal("""{"size":"L"}""", result.GetProperty("updated").GetProperty("user_metadata").GetRawText());
        Assert.Equal(["Username-Password-Authentication"], Strings(result.GetProperty("fetched").GetProperty("identities")));
        Assert.Equal([userId], Strings(result.GetProperty("by_email")));
        Assert.Equal(["Admin"], Strings(result.GetProperty("user_roles")));
        Assert.Contains("Admin", Strings(result.GetProperty("roles")));
        Assert.Contains("sdk.user@example.com", Strings(result.GetProperty("users")));
        Assert.Equal(["read:orders"], Strings(result.GetProperty("api").GetProperty("scopes")));
        Assert.True(result.GetProperty("app").GetProperty("has_secret").GetBoolean());
        Assert.Equal("regular_web", result.GetProperty("app").GetProperty("app_type").GetString());
        // The SDK's own token request is in the tenant log: a successful client-credentials exchange.
        Assert.Contains($"seccft {sdk["AUTH0_CLIENT_ID"]}", Strings(result.GetProperty("logs")));
        Assert.False(result.GetProperty("sms_off").GetBoolean());
        var factors = result.GetProperty("factors");
        Assert.False(factors.GetProperty("sms").GetBoolean());
        Assert.True(factors.GetProperty("otp").GetBoolean());
        Assert.True(factors.GetProperty("webauthn-roaming").GetBoolean());
        Assert.False(factors.GetProperty("push-notification").GetBoolean());
        AssertFailure(result.GetProperty("push"), "BadRequestError", 400);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.DoesNotContain("phone", await scope.ServiceProvider.GetRequiredService<MfaSettings>().EnabledAsync(CancellationToken.None));
        AssertFailure(result.GetProperty("missing_user"), "NotFoundError", 404);
        AssertFailure(result.GetProperty("duplicate"), "ConflictError", 409);
        AssertFailure(result.GetProperty("weak"), "BadRequestError", 400);
        AssertFailure(result.GetProperty("deleted"), "NotFoundError", 404);
    }

    [Fact]
    public async Task The_ManagementClient_imports_users_with_their_password_hashes_and_exports_them_as_on_Auth0()
    {
        using var certificates = new LoopbackCertificates();
        using var app = KestrelApp.StartHttps(certificates.Server);
        var spa = await app.CreateSpaAsync();
        var sdk = await SdkEnvironmentAsync(app, certificates);
        sdk["CONNECTION_ID"] = UserJobs.ConnectionId;

        var result = JsonDocument.Parse(await RunAsync("import-users.js", sdk)).RootElement;

        var started = result.GetProperty("started");
        Assert.Equal(("pending", "users_import", UserJobs.ConnectionId), (started.GetProperty("status").GetString(), started.GetProperty("type").GetString(), started.GetProperty("connection_id").GetString()));
        Assert.StartsWith("job_", started.GetProperty("id").GetString());
        Assert.Equal("completed", result.GetProperty("imported").GetProperty("status").GetString());
        Assert.Equal("""{"failed":1,"updated":0,"inserted":2,"total":3}""", result.GetProperty("imported").GetProperty("summary").GetRawText());
        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal(("not an address", "INVALID_FORMAT"), (error.GetProperty("email").GetString(), error.GetProperty("codes")[0].GetString()));
        var exported = result.GetProperty("exported");
        Assert.Equal(("completed", "users_export", "json"), (exported.GetProperty("status").GetString(), exported.GetProperty("type").GetString(), exported.GetProperty("format").GetString()));
        Assert.StartsWith(app.BaseUrl().TrimEnd('/') + "/api/v2/jobs/", exported.GetProperty("location").GetString());
        var browser = certificates.CreateBrowserClient(new Uri(app.BaseUrl()));
        Assert.True(await browser.LogsInAsync(spa.ClientId, "node.pbkdf2@example.com", "node pbkdf2 password"));
        Assert.True(await certificates.CreateBrowserClient(new Uri(app.BaseUrl())).LogsInAsync(spa.ClientId, "node.sha512@example.com", "node sha512 password"));
    }

    // A machine-to-machine application's credentials, and the test authority Node must trust: the SDK speaks only https.
    internal static async Task<Dictionary<string, string>> SdkEnvironmentAsync(FlowgateApp app, LoopbackCertificates certificates)
    {
        var credentials = await app.CreateApplicationAsync();
        return new Dictionary<string, string>
        {
            ["AUTH0_DOMAIN"] = new Uri(app.BaseUrl()).Authority,
            ["AUTH0_CLIENT_ID"] = credentials.ClientId,
            ["AUTH0_CLIENT_SECRET"] = credentials.ClientSecret!,
            ["NODE_EXTRA_CA_CERTS"] = certificates.WriteAuthorityPem(),
        };
    }

    internal static async Task<string> RunAsync(string script, Dictionary<string, string> environment)
    {
        var (exitCode, stdout, stderr) = await NodeSdk.RunAsync(script, environment);
        Assert.True(exitCode == 0, $"{script} failed:\n{stderr}");
        return stdout;
    }

    internal static void AssertFailure(JsonElement failure, string errorClass, int status)
    {
        Assert.Equal(errorClass, failure.GetProperty("name").GetString());
        Assert.Equal(status, failure.GetProperty("statusCode").GetInt32());
    }

    internal static List<string> Strings(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? [.. element.EnumerateArray().Select(e => e.GetString()!)]
        : [.. element.EnumerateObject().Select(p => p.Name)];
}
