using System.Net;
using Flowgate.Runtime.Mfa;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Runtime.Mfa.WebAuthn;

namespace Flowgate.Tests.Admin;

/// <summary>
/// Administrators' second factors over HTTP, with <c>Admin:RequireMfa</c> on: a right password alone never gives a
/// session; an authenticator app and a security key each complete the sign-in; wrong answers are refused and counted.
/// </summary>
public sealed class AdminFactorTests(AdminFactorFixture fixture) : IClassFixture<AdminFactorFixture>
{
    private const string EnrolPage = "/account/enrol?returnUrl=%2F";
    private const string FactorPage = "/account/factor?returnUrl=%2F";
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task An_admin_without_a_factor_enrols_an_authenticator_app_before_the_dashboard_then_signs_in_with_its_code()
    {
        var admin = await _app.CreateAdminAsync();
        var http = _app.CreateClient(AdminPages.NoRedirects);

        var login = await AdminPages.PasswordAsync(http, admin.Email);
        Assert.Equal(EnrolPage, login.Target());
        Assert.False(await AdminPages.HasSessionAsync(http));

        var page = await http.GetStringAsync(EnrolPage);
        var key = Base32.Decode(AdminPages.OtpSecret(page));
        var enrolled = await HtmlForm.PostAsync(http, EnrolPage, page, new Dictionary<string, string> { ["Otp.Code"] = Code(key) }, "admin-otp-enrol");
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Equal(24, AdminPages.RecoveryCode(await enrolled.Content.ReadAsStringAsync()).Length);
        Assert.True(await AdminPages.HasSessionAsync(http));

        var next = _app.CreateClient(AdminPages.NoRedirects);
        Assert.Equal(FactorPage, (await AdminPages.PasswordAsync(next, admin.Email)).Target());
        Assert.False(await AdminPages.HasSessionAsync(next));
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/settings/security")).StatusCode);

        fixture.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        var wrong = await HtmlForm.SubmitAsync(next, FactorPage, new Dictionary<string, string> { ["Otp.Code"] = WrongCode(key) }, "admin-otp");
        Assert.True(AdminPages.ShowsError(await wrong.Content.ReadAsStringAsync()));
        Assert.False(await AdminPages.HasSessionAsync(next));
        // The password and the wrong code each counted toward the lock; nothing reset the count in between.
        Assert.Equal(2, (await _app.ReadAsync(admin.Id)).AccessFailedCount);

        var right = await HtmlForm.SubmitAsync(next, FactorPage, new Dictionary<string, string> { ["Otp.Code"] = Code(key) }, "admin-otp");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Target());
        Assert.True(await AdminPages.HasSessionAsync(next));
        Assert.Equal(0, (await _app.ReadAsync(admin.Id)).AccessFailedCount);
    }

    [Fact]
    public async Task A_security_key_enrolled_at_sign_in_passes_the_factor_step_and_a_phished_assertion_does_not()
    {
        var admin = await _app.CreateAdminAsync();
        using var key = SoftwareAuthenticator.Es256();
        var http = _app.CreateClient(AdminPages.NoRedirects);
        await AdminPages.PasswordAsync(http, admin.Email);

        var page = await http.GetStringAsync(EnrolPage);
        var registration = key.RegistrationJson(AdminPages.Challenge(page, "add-security-key"), AdminPages.Origin, AdminPages.RpId);
        var enrolled = await HtmlForm.PostAsync(http, EnrolPage, page, new Dictionary<string, string> { ["Input.Response"] = registration }, "admin-key-enrol");
        Assert.NotEmpty(AdminPages.RecoveryCode(await enrolled.Content.ReadAsStringAsync()));
        Assert.True(await AdminPages.HasSessionAsync(http));

        var next = _app.CreateClient(AdminPages.NoRedirects);
        Assert.Equal(FactorPage, (await AdminPages.PasswordAsync(next, admin.Email)).Target());
        key.Counter = 2;
        var factor = await next.GetStringAsync(FactorPage);
        var phished = key.AssertionJson(AdminPages.Challenge(factor, "use-security-key"), "https://phishing.example", AdminPages.RpId);
        var refused = await HtmlForm.PostAsync(next, FactorPage, factor, new Dictionary<string, string> { ["Input.Response"] = phished }, "admin-key");
        Assert.True(AdminPages.ShowsError(await refused.Content.ReadAsStringAsync()));
        Assert.False(await AdminPages.HasSessionAsync(next));

        key.Counter = 3;
        factor = await next.GetStringAsync(FactorPage);
        var assertion = key.AssertionJson(AdminPages.Challenge(factor, "use-security-key"), AdminPages.Origin, AdminPages.RpId);
        var passed = await HtmlForm.PostAsync(next, FactorPage, factor, new Dictionary<string, string> { ["Input.Response"] = assertion }, "admin-key");
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        Assert.True(await AdminPages.HasSessionAsync(next));
    }

    [Fact]
    public async Task Changing_factors_needs_a_fresh_factor_check_and_removing_one_ends_the_other_sessions()
    {
        var admin = await _app.CreateAdminAsync();
        var first = _app.CreateClient(AdminPages.NoRedirects);
        await AdminPages.PasswordAsync(first, admin.Email);
        var page = await first.GetStringAsync(EnrolPage);
        var key = Base32.Decode(AdminPages.OtpSecret(page));
        await HtmlForm.PostAsync(first, EnrolPage, page, new Dictionary<string, string> { ["Otp.Code"] = Code(key) }, "admin-otp-enrol");
        var second = _app.CreateClient(AdminPages.NoRedirects);
        await AdminPages.PasswordAsync(second, admin.Email);
        fixture.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        await HtmlForm.SubmitAsync(second, FactorPage, new Dictionary<string, string> { ["Otp.Code"] = Code(key) }, "admin-otp");
        Assert.True(await AdminPages.HasSessionAsync(second));

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/settings/security")).StatusCode);
        fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        var stale = await first.GetAsync("/settings/security");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/account/factor", stale.Target());

        const string recheck = "/account/factor?returnUrl=%2Fsettings%2Fsecurity";
        await HtmlForm.SubmitAsync(first, recheck, new Dictionary<string, string> { ["Otp.Code"] = Code(key) }, "admin-otp");
        var settings = await first.GetStringAsync("/settings/security");
        var factorId = System.Text.RegularExpressions.Regex.Match(settings, "name=\"_handler\" value=\"(remove-[0-9a-f]+)\"").Groups[1].Value;
        // Admin:RequireMfa keeps the last factor: add a security key first, then remove the app.
        using var securityKey = SoftwareAuthenticator.Es256();
        var registration = securityKey.RegistrationJson(AdminPages.Challenge(settings, "add-security-key"), AdminPages.Origin, AdminPages.RpId);
        settings = await (await HtmlForm.PostAsync(first, "/settings/security", settings, new Dictionary<string, string> { ["Input.Response"] = registration }, "admin-key-enrol")).Content.ReadAsStringAsync();
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(settings, "data-test=\"admin-factor\""));
        var removed = await HtmlForm.PostAsync(first, "/settings/security", settings, new Dictionary<string, string>(), factorId);
        Assert.Contains("The factor was removed", await removed.Content.ReadAsStringAsync());

        Assert.True(await AdminPages.HasSessionAsync(first));
        Assert.False(await AdminPages.HasSessionAsync(second));
    }

    [Fact]
    public async Task The_recovery_code_signs_in_once_and_is_replaced_by_a_new_one_shown_once()
    {
        var admin = await _app.CreateAdminAsync();
        var http = _app.CreateClient(AdminPages.NoRedirects);
        await AdminPages.PasswordAsync(http, admin.Email);
        var page = await http.GetStringAsync(EnrolPage);
        var key = Base32.Decode(AdminPages.OtpSecret(page));
        var enrolled = await HtmlForm.PostAsync(http, EnrolPage, page, new Dictionary<string, string> { ["Otp.Code"] = Code(key) }, "admin-otp-enrol");
        var recoveryCode = AdminPages.RecoveryCode(await enrolled.Content.ReadAsStringAsync());

        var lostPhone = _app.CreateClient(AdminPages.NoRedirects);
        await AdminPages.PasswordAsync(lostPhone, admin.Email);
        var used = await HtmlForm.SubmitAsync(lostPhone, FactorPage, new Dictionary<string, string> { ["Recovery.Code"] = recoveryCode }, "admin-recovery");
        var next = AdminPages.RecoveryCode(await used.Content.ReadAsStringAsync());
        Assert.Equal(24, next.Length);
        Assert.NotEqual(recoveryCode, next);
        Assert.True(await AdminPages.HasSessionAsync(lostPhone));

        var replay = _app.CreateClient(AdminPages.NoRedirects);
        await AdminPages.PasswordAsync(replay, admin.Email);
        var refused = await HtmlForm.SubmitAsync(replay, FactorPage, new Dictionary<string, string> { ["Recovery.Code"] = recoveryCode }, "admin-recovery");
        Assert.True(AdminPages.ShowsError(await refused.Content.ReadAsStringAsync()));
        Assert.False(await AdminPages.HasSessionAsync(replay));
    }

    private string Code(byte[] key) => Totp.Code(key, Totp.TimeStep(fixture.Clock.Now));

    private string WrongCode(byte[] key) => ((int.Parse(Code(key)) + 1) % 1_000_000).ToString("D6");
}
