using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>A user who went through enrolment once: their app's key and the recovery code they were shown.</summary>
internal sealed record EnrolledUser(TenantUser User, byte[] Key, string RecoveryCode)
{
    /// <summary>Creates a user and enrols them through the hosted pages (the deployed flow must ask for MFA).</summary>
    public static async Task<EnrolledUser> CreateAsync(FlowgateApp app, TestClock clock, string clientId)
    {
        var user = await app.CreateUserAsync();
        var session = new HostedLoginSession(app);
        var (key, shown) = await MfaPages.EnrolAsync(session.Http, (await session.LogInAsync(clientId, user.Email!)).Headers.Location!, clock);
        await MfaPages.ContinueToCodeAsync(session.Http, shown);
        return new EnrolledUser(user, key, MfaPages.RecoveryCode(shown));
    }

    /// <summary>A fresh browser logs in with the password and lands on the challenge page.</summary>
    public async Task<(HostedLoginSession Session, Uri Challenge)> StartLoginAsync(FlowgateApp app, string clientId)
    {
        var session = new HostedLoginSession(app);
        var challenge = (await session.LogInAsync(clientId, User.Email!)).Headers.Location!;
        Assert.StartsWith("/u/mfa-otp-challenge", challenge.OriginalString);
        return (session, challenge);
    }
}
