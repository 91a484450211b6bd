using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Email;
using Flowgate.Runtime.Mfa;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>An import's <c>mfa_factors</c> (the user keeps their authenticator and phone) and its completion mail to the administrators.</summary>
public sealed class UserImportFactorsTests : IClassFixture<FlowgateAppFixture>
{
    private const string AdminAddress = "admins@example.com";
    private readonly FlowgateApp _app;

    public UserImportFactorsTests(FlowgateAppFixture fixture)
    {
        _app = fixture.App;
        // As Email:AdminAddress in appsettings.json would set it.
        _app.Services.GetRequiredService<IOptions<EmailOptions>>().Value.AdminAddress = AdminAddress;
    }

    [Fact]
    public async Task Totp_and_phone_factors_are_enrolled_with_the_user_and_unknown_ones_refuse_the_row()
    {
        var http = await _app.CreateManagementClientAsync();
        var (withFactors, withEmailFactor) = (UserJobs.Email("factors"), UserJobs.Email("email-factor"));
        var key = Base32.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));

        var job = await http.ImportAsync(
        [
            new { email = withFactors, mfa_factors = new object[] { new { totp = new { secret = key } }, new { phone = new { value = "+15551234567" } } } },
            new { email = withEmailFactor, mfa_factors = new object[] { new { email = new { value = withEmailFactor } } } },
        ], sendCompletionEmail: true);

        Assert.Equal(1, job.GetProperty("summary").GetProperty("inserted").GetInt32());
        var errors = await (await http.GetAsync($"/api/v2/jobs/{job.GetProperty("id").GetString()}/errors")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("mfa_factors[0]", errors[0].GetProperty("errors")[0].GetProperty("path").GetString());
        var user = (await http.GetFromJsonAsync<JsonElement>($"/api/v2/users-by-email?email={Uri.EscapeDataString(withFactors)}"))[0];
        var enrollments = await http.GetFromJsonAsync<JsonElement>($"/api/v2/users/{Uri.EscapeDataString(user.GetProperty("user_id").GetString()!)}/enrollments");
        Assert.Equal(["authenticator", "sms"], enrollments.EnumerateArray().Select(e => e.GetProperty("auth_method").GetString()!).Order().ToArray());
        Assert.All(enrollments.EnumerateArray(), e => Assert.Equal("confirmed", e.GetProperty("status").GetString()));

        var mail = _app.Services.GetRequiredService<DevelopmentOutbox>().Messages.First(m => m.To == AdminAddress && m.Subject.Contains(job.GetProperty("id").GetString()!));
        Assert.Contains("Inserted: 1", mail.Body);
        Assert.Contains("Failed: 1", mail.Body);
    }
}
