using System.Net;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Monitoring;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>The MFA-for-role tutorial (seed 000), from the outside: enrolment, challenge, and no MFA without the role.</summary>
public sealed class SeedMfaTutorialTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;
    private readonly TestClock _clock = fixture.Clock;

    [Fact]
    public async Task An_admin_enrols_an_authenticator_app_then_is_challenged_and_a_user_without_the_role_logs_in_without_mfa()
    {
        await _app.DeployFlowAsync("post-login", ("MFA for Role", MfaActions.MfaForRole));
        var spa = await _app.CreateSpaAsync();
        var admin = await CreateAdminAsync();

        var first = new HostedLoginSession(_app);
        var enrolment = (await first.LogInAsync(spa.ClientId, admin.Email!)).Headers.Location!;
        var (key, shown) = await MfaPages.EnrolAsync(first.Http, enrolment, _clock);
        Assert.Equal(MfaSecrets.RecoveryCodeLength, MfaPages.RecoveryCode(shown).Length);
        var idToken = await first.ExchangeAsync(spa.ClientId, await MfaPages.ContinueToCodeAsync(first.Http, shown));
        Assert.Equal(admin.Id, idToken.Subject);

        _clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        var second = new HostedLoginSession(_app);
        var challenge = (await second.LogInAsync(spa.ClientId, admin.Email!)).Headers.Location!;
        Assert.StartsWith("/u/mfa-otp-challenge", challenge.OriginalString);
        var passed = await MfaPages.SubmitCodeAsync(second.Http, challenge, Totp.Code(key, Totp.TimeStep(_clock.Now)));
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        var code = MfaPages.CodeOf(await second.Http.GetAsync(passed.Headers.Location));
        Assert.Equal(admin.Id, (await second.ExchangeAsync(spa.ClientId, code)).Subject);

        await _app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        var logged = await _app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<TenantLog>()
            .SearchAsync(new TenantLogQuery(UserId: admin.Id), 0, 50, CancellationToken.None);
        Assert.Contains("gd_enrollment_complete", logged.Items.Select(e => e.Type));
        Assert.Contains("gd_auth_succeed", logged.Items.Select(e => e.Type));

        var plain = await _app.CreateUserAsync();
        var direct = new HostedLoginSession(_app);
        Assert.Equal(plain.Id, (await direct.ExchangeAsync(spa.ClientId, MfaPages.CodeOf(await direct.LogInAsync(spa.ClientId, plain.Email!)))).Subject);
    }

    private async Task<TenantUser> CreateAdminAsync()
    {
        var admin = await _app.CreateUserAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>();
        await users.AddToRoleAsync((await users.FindByIdAsync(admin.Id))!, "Admin");
        return admin;
    }
}
