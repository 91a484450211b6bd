using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Connections;
using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Login.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Sdk;

/// <summary>
/// Auth0's Node SDK drives connections, account linking, tickets, the verification-mail job and mail templates
/// (<c>manage-connections.js</c>): every answer parsed by the SDK, every effect checked on the server.
/// </summary>
public sealed class NodeSdkConnectionTests
{
    private const string UpstreamSecret = "sdk-upstream-secret-0123456789";

    [Fact]
    public async Task The_ManagementClient_manages_an_OIDC_connection_links_accounts_issues_tickets_and_mails_with_its_template()
    {
        using var certificates = new LoopbackCertificates();
        using var app = KestrelApp.StartHttps(certificates.Server);
        var spa = await app.CreateSpaAsync();
        var primary = await UnverifiedUserAsync(app);
        var upstream = await UpstreamUserAsync(app);
        var sdk = await NodeSdkTests.SdkEnvironmentAsync(app, certificates);
        sdk["SPA_CLIENT_ID"] = spa.ClientId;
        sdk["PRIMARY_USER_ID"] = primary.Id;
        (sdk["LINKED_PROVIDER"], sdk["LINKED_USER_ID"]) = (upstream.Provider, upstream.UserId);

        var stdout = await NodeSdkTests.RunAsync("manage-connections.js", sdk);

        // The client secret went in, and never came out but masked.
        Assert.DoesNotContain(UpstreamSecret, stdout);
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.StartsWith("con_", result.GetProperty("created").GetProperty("id").GetString());
        Assert.Equal("********6789", result.GetProperty("created").GetProperty("secret").GetString());
        var listed = Assert.Single(result.GetProperty("listed").EnumerateArray());
        Assert.Equal(("sdk-oidc", "oidc", "********6789"), (listed.GetProperty("name").GetString(), listed.GetProperty("strategy").GetString(), listed.GetProperty("secret").GetString()));
        Assert.Equal("********6789", result.GetProperty("fetched").GetProperty("secret").GetString());
        Assert.Equal("SDK OIDC login", result.GetProperty("updated").GetProperty("display_name").GetString());
        Assert.Equal([spa.ClientId], NodeSdkTests.Strings(result.GetProperty("updated").GetProperty("enabled_clients")));
        // connections.clients.update switched the SPA off and the SDK's own application on.
        Assert.Equal([sdk["AUTH0_CLIENT_ID"]], NodeSdkTests.Strings(result.GetProperty("enabled")));
        NodeSdkTests.AssertFailure(result.GetProperty("no_clients"), "BadRequestError", 400);

        // Linked, the upstream identity was the primary user's; unlinked, it is a user of its own again.
        var own = primary.Id;
        Assert.Equal([own, upstream.AsUserId], NodeSdkTests.Strings(result.GetProperty("after_link")));
        Assert.Equal([own], NodeSdkTests.Strings(result.GetProperty("after_unlink")));
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>().FindByIdAsync(upstream.AsUserId));

        // The template the SDK wrote is the mail the job sent.
        var template = result.GetProperty("template");
        Assert.Equal(("Confirm {{ user.email }}", "Please confirm your address", 7200), (template.GetProperty("created").GetString(), template.GetProperty("updated").GetString(), template.GetProperty("lifetime").GetInt32()));
        Assert.Contains("{{ url }}", template.GetProperty("read").GetString());
        // Flowgate mails within the request, so the job the SDK gets back has already completed.
        var job = result.GetProperty("job");
        Assert.Equal(("completed", "verification_email"), (job.GetProperty("status").GetString(), job.GetProperty("type").GetString()));
        Assert.StartsWith("job_", job.GetProperty("id").GetString());
        var mail = AccountMails.Last(app, primary.Email!, "Please confirm your address");
        Assert.NotNull(mail);
        Assert.Contains($"Hello {primary.Email}, confirm here: ", mail.Body);

        // The tickets are links a user can open: the verification one verifies the address.
        var tickets = result.GetProperty("tickets");
        Assert.StartsWith(app.BaseUrl() + "/u/password-change?ticket=", tickets.GetProperty("password").GetString());
        var verification = tickets.GetProperty("verify").GetString()!;
        Assert.StartsWith(app.BaseUrl() + "/u/email-verification?ticket=", verification);
        var followed = await certificates.CreateBrowserClient(new Uri(app.BaseUrl())).GetAsync(AccountMails.LocalPath(verification));
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.StartsWith("https://app.example.com/verified", followed.Headers.Location!.ToString());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>().FindByIdAsync(primary.Id))!.EmailConfirmed);
            // Deleted through the SDK: gone for the SDK (404) and for the server.
            NodeSdkTests.AssertFailure(result.GetProperty("deleted"), "NotFoundError", 404);
            Assert.DoesNotContain(await scope.ServiceProvider.GetRequiredService<ConnectionService>().ListAsync(null, null, CancellationToken.None), c => c.Name == "sdk-oidc");
        }
    }

    private static async Task<TenantUser> UnverifiedUserAsync(FlowgateApp app)
    {
        var user = await app.CreateUserAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        stored.EmailConfirmed = false;
        await users.UpdateAsync(stored);
        return stored;
    }

    // A user who logged in through the connection the SDK will create: the identity an upstream login makes.
    private static async Task<UserIdentity> UpstreamUserAsync(FlowgateApp app)
    {
        var profile = new UpstreamProfile("sdk-oidc", ConnectionStrategies.Oidc, "upstream-subject-1", new JsonObject { ["email"] = "upstream@example.org" })
        {
            Email = "upstream@example.org",
        };
        await using var scope = app.Services.CreateAsyncScope();
        var (user, refusal) = await scope.ServiceProvider.GetRequiredService<UserIdentities>().FindOrCreateAsync(profile);
        Assert.True(user is not null, refusal);
        return profile.Identity;
    }
}
