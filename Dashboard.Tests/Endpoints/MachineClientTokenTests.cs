using System.Net;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Endpoints;

/// <summary>
/// What a client_credentials grant no longer costs (a token row, a PBKDF2 derivation per request) without giving
/// anything away: a rotated or deleted secret stops working at once, a wrong one is refused as before.
/// </summary>
public sealed class MachineClientTokenTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task A_client_credentials_token_leaves_no_token_row_and_still_opens_the_management_api()
    {
        var credentials = await _app.CreateApplicationAsync();

        using var http = await _app.CreateManagementClientAsync();
        var response = await _app.CreateClient().RequestTokenAsync(credentials, _app.ManagementAudience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v2/resource-servers")).StatusCode);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Set<FlowgateToken>().CountAsync(t => t.Application!.ClientId == credentials.ClientId));
    }

    [Fact]
    public async Task A_secret_verified_a_moment_ago_stops_working_as_soon_as_it_is_rotated_and_a_wrong_one_never_works()
    {
        var credentials = await _app.CreateApplicationAsync();
        var http = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.RequestTokenAsync(credentials, _app.ManagementAudience)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.RequestTokenAsync(credentials, _app.ManagementAudience)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.RequestTokenAsync(credentials, _app.ManagementAudience, secret: credentials.ClientSecret + "x")).StatusCode);

        string rotated;
        await using (var scope = _app.Services.CreateAsyncScope())
            rotated = await scope.ServiceProvider.GetRequiredService<ApplicationService>().RotateSecretAsync(credentials.ClientId, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.RequestTokenAsync(credentials, _app.ManagementAudience)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.RequestTokenAsync(credentials, _app.ManagementAudience, secret: rotated)).StatusCode);
    }
}
