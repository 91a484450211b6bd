using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Admin;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Cli;

public sealed class HostCommandTests
{
    [Fact]
    public async Task Admin_and_client_commands_work_without_a_browser_and_print_only_json()
    {
        var databasePath = Path.Combine(Directory.CreateTempSubdirectory("flowgate-cli-").FullName, "flowgate.db");

        // As the README has it: `dotnet run --project Dashboard -- ...`, whose stdout a script pipes to a JSON parser.
        var admin = await DashboardProcess.DotnetRunAsync(databasePath, "admin", "create", "--email", "ci@example.com", "--password", "a long enough passphrase");
        var client = await DashboardProcess.DotnetRunAsync(databasePath, "clients", "create", "--name", "pipeline", "--management");

        Assert.True(admin.ExitCode == 0, admin.Stderr);
        Assert.Equal("ci@example.com", JsonDocument.Parse(admin.Stdout).RootElement.GetProperty("email").GetString());
        Assert.True(client.ExitCode == 0, client.Stderr);
        var created = JsonDocument.Parse(client.Stdout).RootElement;

        using var app = new FlowgateApp(databasePath);
        var signIn = await app.Services.GetRequiredService<AdminAccountService>().CheckPasswordAsync("ci@example.com", "a long enough passphrase", CancellationToken.None);
        Assert.Equal(AdminSignInStatus.Succeeded, signIn.Status);
        var token = await app.CreateClient().PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = created.GetProperty("client_id").GetString()!,
            ["client_secret"] = created.GetProperty("client_secret").GetString()!,
            ["audience"] = app.ManagementAudience,
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.True((await token.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_weak_password_on_the_command_line_fails_with_the_reason()
    {
        var databasePath = Path.Combine(Directory.CreateTempSubdirectory("flowgate-cli-").FullName, "flowgate.db");

        var result = await DashboardProcess.RunAsync(databasePath, "admin", "create", "--email", "ci@example.com", "--password", "short");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least 12 characters", result.Stderr);
        Assert.Equal("", result.Stdout.Trim());
    }
}
