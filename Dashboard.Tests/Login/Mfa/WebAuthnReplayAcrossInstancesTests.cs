using Flowgate.Runtime.Mfa.WebAuthn;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Mfa;

public sealed class WebAuthnReplayAcrossInstancesTests
{
    [Fact]
    public async Task A_challenge_answered_on_one_instance_is_refused_as_a_replay_on_another()
    {
        using var first = new FlowgateApp();
        using var second = new FlowgateApp(first.DatabasePath);
        var onFirst = first.Services.GetRequiredService<WebAuthnChallenges>();
        var onSecond = second.Services.GetRequiredService<WebAuthnChallenges>();
        var challenge = onFirst.Issue("login:user-1");

        Assert.Null(await onSecond.RedeemAsync(challenge, "login:user-1", CancellationToken.None));
        var replayed = await onFirst.RedeemAsync(challenge, "login:user-1", CancellationToken.None);

        Assert.Equal(WebAuthnRefusal.ChallengeReplayed, replayed?.Refusal);
        Assert.Equal(WebAuthnRefusal.WrongChallenge, (await onSecond.RedeemAsync(onFirst.Issue("login:user-2"), "login:user-1", CancellationToken.None))?.Refusal);
    }
}
