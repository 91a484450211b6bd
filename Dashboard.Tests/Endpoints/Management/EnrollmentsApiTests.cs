using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;
using Flowgate.Runtime.Mfa;
using Flowgate.Tests.Login.Mfa;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>Administrators see a user's authenticator enrolment and reset it; the next login enrols again.</summary>
public sealed class EnrollmentsApiTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task An_admin_lists_and_resets_a_users_enrolment_and_the_user_enrols_again()
    {
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var spa = await _app.CreateSpaAsync();
        var enrolled = await EnrolledUser.CreateAsync(_app, fixture.Clock, spa.ClientId);
        var api = await _app.CreateManagementClientAsync("read:users update:users");

        var listed = await api.GetFromJsonAsync<JsonElement[]>($"/api/v2/users/{Uri.EscapeDataString(enrolled.User.Id)}/enrollments");
        var enrollment = Assert.Single(listed!);
        Assert.Equal("confirmed", enrollment.GetProperty("status").GetString());
        Assert.Equal("authenticator", enrollment.GetProperty("type").GetString());
        var id = enrollment.GetProperty("id").GetString()!;
        Assert.StartsWith("totp|dev_", id);

        var readOnly = await _app.CreateManagementClientAsync("read:users");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.DeleteAsync($"/api/v2/guardian/enrollments/{Uri.EscapeDataString(id)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v2/guardian/enrollments/{Uri.EscapeDataString(id)}")).StatusCode);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement[]>($"/api/v2/users/{Uri.EscapeDataString(enrolled.User.Id)}/enrollments"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v2/guardian/enrollments/{Uri.EscapeDataString(id)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v2/users/auth0%7Cnobody/enrollments")).StatusCode);

        var again = new HostedLoginSession(_app);
        Assert.StartsWith("/u/mfa-otp-enrollment", (await again.LogInAsync(spa.ClientId, enrolled.User.Email!)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Deleting_all_authenticators_removes_the_factor_and_the_recovery_code()
    {
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var spa = await _app.CreateSpaAsync();
        var enrolled = await EnrolledUser.CreateAsync(_app, fixture.Clock, spa.ClientId);
        var api = await _app.CreateManagementClientAsync("read:users update:users");

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v2/users/{Uri.EscapeDataString(enrolled.User.Id)}/authenticators")).StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<MfaEnrollments>().ListAsync(enrolled.User.Id, CancellationToken.None));
    }
}
