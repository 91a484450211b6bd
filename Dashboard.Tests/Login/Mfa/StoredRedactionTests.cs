using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>
/// Execution records are kept for days and read by every administrator: SMS codes, phone numbers, reset tickets and
/// header credentials never reach them, while the Actions still run with the real values.
/// </summary>
public sealed class StoredRedactionTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task The_sms_code_and_phone_number_reach_the_action_but_not_its_stored_execution()
    {
        await _app.DeployFlowAsync("send-phone-message", ("sms", MfaActions.SendToGateway));
        await _app.DeployFlowAsync("post-login", ("phone", MfaActions.EnrolThenChallengePhone));
        var spa = await _app.CreateSpaAsync();
        var (user, _) = await PhonePages.EnrolAsync(_app, spa.ClientId);
        var delivered = SmsGateway.LastFor(user.Id);
        var code = delivered.GetProperty("code").GetString()!;
        var executionId = (await PhoneInbox.SentAsync(_app, user.Id))[0].ExecutionId!;

        var stored = await StoredAsync(executionId);

        Assert.Equal(PhonePages.Number, delivered.GetProperty("recipient").GetString());
        Assert.DoesNotContain(code, stored);
        Assert.DoesNotContain(PhonePages.Number, stored);
        Assert.DoesNotContain(PhonePages.Number[1..], stored);
        Assert.Contains("+*******0123", stored);
        Assert.Contains("[redacted code] is your verification code", stored);
    }

    [Fact]
    public async Task The_reset_ticket_is_not_in_the_event_and_header_credentials_an_action_prints_are_cut()
    {
        await _app.DeployFlowAsync("password-reset-post-challenge", ("spy", """
            exports.onExecutePostChallenge = async (event, api) => {
              console.log('query', JSON.stringify(event.request.query));
              console.log('Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl');
            };
            """));
        var user = await _app.CreateUserAsync();
        var http = _app.CreateBrowserClient();
        var link = await Flowgate.Tests.Login.ResetMail.LinkAsync(_app, http, user.Email!);
        var ticket = Uri.UnescapeDataString(link.Split("ticket=")[1].Split('&')[0]);
        await http.GetStringAsync(link);
        var executionId = await LastExecutionAsync("password-reset-post-challenge");

        var stored = await StoredAsync(executionId);

        Assert.DoesNotContain(ticket, stored);
        Assert.DoesNotContain(Uri.EscapeDataString(ticket), stored);
        Assert.DoesNotContain("\"ticket\"", stored);
        Assert.Contains("Bearer [redacted]", stored);
        Assert.DoesNotContain("c2VjcmV0LXBheWxvYWQ", stored);
    }

    // What an administrator can read: the Management API's execution and the database rows behind it.
    private async Task<string> StoredAsync(string executionId)
    {
        await _app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        var http = await _app.CreateManagementClientAsync("read:actions");
        var api = await http.GetFromJsonAsync<JsonElement>($"/api/v2/actions/executions/{executionId}");
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        var record = await db.Executions.SingleAsync(e => e.Id == executionId);
        var results = await db.ExecutionResults.Where(r => r.ExecutionId == executionId).ToListAsync();
        Assert.NotEmpty(results);
        return api.GetRawText() + record.EventJson + JsonSerializer.Serialize(results.Select(r => new { r.Logs, r.CommandsJson, r.ErrorMessage, r.ErrorStack }));
    }

    private async Task<string> LastExecutionAsync(string triggerId)
    {
        await _app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        return (await db.Executions.Where(e => e.TriggerId == triggerId).ToListAsync()).OrderBy(e => e.CreatedAt).Last().Id;
    }
}
