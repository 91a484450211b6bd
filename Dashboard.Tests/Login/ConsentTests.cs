using System.Net;
using Flowgate.Runtime.Applications;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login;

/// <summary>Third-party applications ask the user first; first-party ones never do.</summary>
public sealed class ConsentTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public ConsentTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_third_party_app_gets_an_error_when_declined_a_code_once_accepted_and_is_not_asked_again()
    {
        string clientId;
        await using (var scope = _app.Services.CreateAsyncScope())
            clientId = (await scope.ServiceProvider.GetRequiredService<ApplicationService>().CreateAsync(new ApplicationSettings
            {
                Name = "Partner Dashboard", AppType = ApplicationTypes.Spa, Callbacks = [EndUsers.Callback], IsFirstParty = false,
            }, CancellationToken.None)).Application.ClientId;
        var user = await _app.CreateUserAsync();
        var http = _app.CreateBrowserClient();

        var consent = await http.LogInAsync(clientId, user.Email!);
        Assert.Equal("/u/consent", consent.OriginalString.Split('?')[0]);
        var page = await http.GetStringAsync(consent);
        Assert.Contains("Partner Dashboard", page);
        Assert.Contains("profile", page);

        var declined = await HtmlForm.SubmitAsync(http, consent.OriginalString, new Dictionary<string, string> { ["Decision"] = "decline" });
        var error = QueryHelpers.ParseQuery((await http.GetAsync(declined.Headers.Location)).Headers.Location!.Query);
        Assert.Equal("access_denied", error["error"].ToString());

        var accepted = await HtmlForm.SubmitAsync(http, consent.OriginalString, new Dictionary<string, string> { ["Decision"] = "accept" });
        var callback = (await http.GetAsync(accepted.Headers.Location)).Headers.Location!;
        Assert.False(string.IsNullOrEmpty(QueryHelpers.ParseQuery(callback.Query)["code"].ToString()));

        var again = await _app.CreateBrowserClient().LogInAsync(clientId, user.Email!);
        Assert.StartsWith(EndUsers.Callback, again.ToString());
    }
}
