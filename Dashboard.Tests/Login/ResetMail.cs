using System.Text.RegularExpressions;
using Flowgate.Runtime.Email;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login;

/// <summary>Asks for a password reset on the hosted page and reads the link from the development outbox, as the user would from their mail.</summary>
internal static partial class ResetMail
{
    /// <summary>Submits the forgot-password form; returns the page that answers.</summary>
    public static async Task<string> RequestAsync(HttpClient http, string email) =>
        await (await HtmlForm.SubmitAsync(http, "/u/reset-password", new Dictionary<string, string> { ["Email"] = email, ["Input.Email"] = email })).Content.ReadAsStringAsync();

    /// <summary>Asks for a reset and returns the mailed link, as a local URL.</summary>
    public static async Task<string> LinkAsync(FlowgateApp app, HttpClient http, string email)
    {
        await RequestAsync(http, email);
        return LinkIn(app.Services.GetRequiredService<DevelopmentOutbox>().Messages.Last(m => m.To == email));
    }

    public static string LinkIn(EmailMessage message) => new Uri(ResetLink().Match(message.Body).Value).PathAndQuery;

    [GeneratedRegex(@"https?://\S+/u/reset-password/confirm\?\S+")]
    private static partial Regex ResetLink();
}
