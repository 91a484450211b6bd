using Flowgate.Runtime.Store;
using Flowgate.Runtime.Mfa.WebAuthn;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Mfa;

public sealed class WebAuthnReplayAcrossInstancesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_challenge_answered_on_one_instance_is_refused_as_a_replay_on_another(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using var first = new FlowgateApp(database);
        using var second = new FlowgateApp(database);
        var onFirst = first.Services.GetRequiredService<WebAuthnChallenges>();
        var onSecond = second.Services.GetRequiredService<WebAuthnChallenges>();
        var challenge = onFirst.Issue("login:user-1");

        Assert.Null(await onSecond.RedeemAsync(challenge, "login:user-1", CancellationToken.None));
        var replayed = await onFirst.RedeemAsync(challenge, "login:user-1", CancellationToken.None);

        Assert.Equal(WebAuthnRefusal.ChallengeReplayed, replayed?.Refusal);
        Assert.Equal(WebAuthnRefusal.WrongChallenge, (await onSecond.RedeemAsync(onFirst.Issue("login:user-2"), "login:user-1", CancellationToken.None))?.Refusal);
    }
}
