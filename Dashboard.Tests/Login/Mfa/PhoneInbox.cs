using System.Text.Json;
using System.Text.RegularExpressions;
using Flowgate.Runtime.Monitoring;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>
/// The user's phone, as far as the tests can see it: the last SMS, as the send-phone-message Action delivered it to
/// the <see cref="SmsGateway"/>, or the development provider's text in the tenant log's "SMS sent" event.
/// </summary>
internal static partial class PhoneInbox
{
    /// <summary>The last SMS sent to the user, newest first: the log events of type gd_send_sms.</summary>
    public static async Task<IReadOnlyList<TenantLogEvent>> SentAsync(FlowgateApp app, string userId, string type = "gd_send_sms")
    {
        await app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<TenantLog>().SearchAsync(new TenantLogQuery(Type: type, UserId: userId), 0, 50, CancellationToken.None)).Items;
    }

    /// <summary>The <c>message_options</c> the send-phone-message Action delivered for the last SMS.</summary>
    public static async Task<JsonElement> LastMessageAsync(FlowgateApp app, string userId)
    {
        Assert.NotNull((await SentAsync(app, userId))[0].ExecutionId);
        return SmsGateway.LastFor(userId);
    }

    /// <summary>The code of the last SMS, wherever it went.</summary>
    public static async Task<string> LastCodeAsync(FlowgateApp app, string userId)
    {
        var sent = (await SentAsync(app, userId))[0];
        return sent.ExecutionId is null
            ? Code().Match(sent.Description!).Groups[1].Value
            : (await LastMessageAsync(app, userId)).GetProperty("code").GetString()!;
    }

    [GeneratedRegex(@"(\d{6}) is your verification code")]
    private static partial Regex Code();
}
