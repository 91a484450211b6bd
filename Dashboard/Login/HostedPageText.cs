using Flowgate.Runtime.Branding;

namespace Flowgate.Dashboard.Login;

/// <summary>Loads a hosted screen's texts for the request's languages and application.</summary>
internal sealed class HostedPageText(PromptTexts texts, HostedApplicationName applications)
{
    public async Task<ScreenText> ForAsync(HttpContext context, string prompt, string screen, string? returnUrl)
    {
        var custom = await texts.ForLanguagesAsync(prompt, screen, HostedPageLanguages.For(context, returnUrl), context.RequestAborted);
        var clientId = HostedLoginReturnUrl.ClientId(returnUrl);
        var name = clientId is null ? null : await applications.FindAsync(clientId, context.RequestAborted);
        return new ScreenText(PromptCatalog.Screen(prompt, screen).Defaults, custom, name ?? "Flowgate");
    }
}
