using System.Text.RegularExpressions;
using Flowgate.Runtime.Email;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Email;

/// <summary>Reads end users' mail from the development outbox, as a user would read their inbox.</summary>
internal static partial class AccountMails
{
    public static EmailMessage? Last(FlowgateApp app, string to, string? subject = null) =>
        app.Services.GetRequiredService<DevelopmentOutbox>().Messages.FirstOrDefault(m => m.To == to && (subject is null || m.Subject == subject));

    /// <summary>The verification link of the newest verification mail to <paramref name="to"/>, as a local URL.</summary>
    public static string VerificationLink(FlowgateApp app, string to)
    {
        var mail = Last(app, to, "Verify your email") ?? throw new Xunit.Sdk.XunitException($"No verification mail to {to}");
        return LinkIn(mail);
    }

    /// <summary>The verification link in a mail's text part, as a local URL.</summary>
    public static string LinkIn(EmailMessage mail) => LocalPath(Link().Match(mail.Body).Value);

    public static string LocalPath(string url) => new Uri(url).PathAndQuery;

    [GeneratedRegex(@"https?://\S+/u/email-verification\?ticket=\S+")]
    private static partial Regex Link();
}
