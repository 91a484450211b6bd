using Bunit;
using Flowgate.Dashboard.Components.Pages.Settings;
using Flowgate.Runtime.Mfa;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Components.Settings;

/// <summary>The Multi-factor Auth settings page on the real tenant settings (what the login then offers is in FactorChoiceTests).</summary>
public sealed class MultiFactorSettingsTests(FlowgateAppFixture fixture) : MudComponentContext, IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task Every_factor_starts_enabled_and_turning_phone_off_is_saved_for_the_tenant()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<MfaSettings>();
        Services.AddFallbackServiceProvider(scope.ServiceProvider);
        var page = Render<MultiFactorSettings>();

        Assert.Equal(MfaFactorType.All.Count, page.FindAll("[data-test=mfa-factor]").Count);
        Assert.Equal(["otp", "phone", "webauthn-roaming", "webauthn-platform", "recovery-code"], await settings.EnabledAsync(CancellationToken.None));
        page.Find("input[data-test=mfa-factor-phone]").Change(false);

        page.WaitForAssertion(() => Assert.Contains("SMS disabled.", Services.GetRequiredService<MudBlazor.ISnackbar>().ShownSnackbars.Select(s => s.Message)));
        Assert.Equal(["otp", "webauthn-roaming", "webauthn-platform", "recovery-code"], await settings.EnabledAsync(CancellationToken.None));
        Assert.Contains("SMS", Render<MultiFactorSettings>().FindAll("[data-factor=phone]").Single().TextContent);
    }

}
