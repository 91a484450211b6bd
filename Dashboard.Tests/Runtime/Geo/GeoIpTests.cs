using System.Net;
using Flowgate.Runtime.Geo;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Runtime.Geo;

/// <summary><c>event.request.geoip</c> from the real free city database: Auth0's field names, and the seeds' North-America rule.</summary>
public sealed class GeoIpTests(GeoIpAppFixture fixture) : IClassFixture<GeoIpAppFixture>
{
    // The seed's Action, unchanged (seeds/004): "Require MFA for anyone logging in from North America."
    private const string NorthAmericaMfa = """
        exports.onExecutePostLogin = async (event, api) => {
          // Require MFA for anyone logging in from North America.
          if (event.request.geoip.continentCode === "NA") { api.multifactor.enable("any"); };
        };
        """;

    private const string UnitedStates = "8.8.8.8";
    private const string Netherlands = "193.0.6.139";

    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public void An_address_is_placed_with_auth0s_field_names()
    {
        var geoip = _app.Services.GetRequiredService<GeoLocator>().Locate(IPAddress.Parse(UnitedStates));

        Assert.Equal("NA", (string?)geoip["continentCode"]);
        Assert.Equal("US", (string?)geoip["countryCode"]);
        Assert.Equal("USA", (string?)geoip["countryCode3"]);
        Assert.Equal("United States", (string?)geoip["countryName"]);
        Assert.NotNull(geoip["latitude"]);
        Assert.NotNull(geoip["longitude"]);
        Assert.Contains("America/", (string?)geoip["timeZone"]);
        Assert.Equal("EU", (string?)_app.Services.GetRequiredService<GeoLocator>().Locate(IPAddress.Parse(Netherlands))["continentCode"]);
        Assert.Empty(_app.Services.GetRequiredService<GeoLocator>().Locate(IPAddress.Loopback));
    }

    [Fact]
    public async Task The_seeds_north_america_action_demands_mfa_from_a_us_address_and_not_from_a_european_one()
    {
        await _app.DeployFlowAsync("post-login", ("north america mfa", NorthAmericaMfa));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();

        var fromUs = await LogInFromAsync(UnitedStates, spa.ClientId, user.Email!);
        var fromEurope = await LogInFromAsync(Netherlands, spa.ClientId, user.Email!);

        Assert.StartsWith("/u/mfa", fromUs.OriginalString);
        Assert.StartsWith(EndUsers.Callback, fromEurope.ToString());
        Assert.Contains("code=", fromEurope.Query);
    }

    // Where the browser is sent once the password is accepted: an MFA page or the application's callback.
    private async Task<Uri> LogInFromAsync(string address, string clientId, string email)
    {
        var http = _app.CreateBrowserClient();
        http.DefaultRequestHeaders.Add(GeoIpAppFixture.ClientAddressHeader, address);
        var login = await http.GetAsync(HostedLogin.AuthorizeUrl(clientId, HostedLogin.Verifier, "geo"));
        var loggedIn = await HtmlForm.SubmitAsync(http, login.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "correct horse battery",
        });
        var next = await http.GetAsync(loggedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        return next.Headers.Location!;
    }
}
