using Flowgate.Runtime.Mfa;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Flowgate.Tests.Runtime.Mfa;

/// <summary>The hourly windows per user and per tenant, and their settings checked on start.</summary>
public sealed class SmsLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_user_is_limited_over_all_their_enrolments()
    {
        var limits = new SmsLimits(Options.Create(new SmsOptions { PerUserPerHour = 3 }));

        var sent = Enumerable.Range(0, 4).Select(i => limits.TryTake("t", "user-1", "enrolment-" + i, Now.AddMinutes(i))).ToList();

        Assert.Equal([null, null, null], sent.Take(3));
        Assert.Equal(TimeSpan.FromMinutes(57), sent[3]);
        Assert.Null(limits.TryTake("t", "user-2", "enrolment-x", Now.AddMinutes(4)));
        Assert.Null(limits.TryTake("t", "user-1", "enrolment-9", Now.AddMinutes(60)));
    }

    [Fact]
    public void A_tenant_is_limited_over_all_its_users()
    {
        var limits = new SmsLimits(Options.Create(new SmsOptions { PerTenantPerHour = 2 }));

        Assert.Null(limits.TryTake("t", "a", "ea", Now));
        Assert.Null(limits.TryTake("t", "b", "eb", Now));
        Assert.NotNull(limits.TryTake("t", "c", "ec", Now));
        Assert.Null(limits.TryTake("other tenant", "c", "ec2", Now));
    }

    [Fact]
    public void A_limit_below_one_stops_the_start_and_names_the_section()
    {
        using var app = new FlowgateApp(settings: new Dictionary<string, string> { ["Mfa:Sms:PerUserPerHour"] = "0" });

        Assert.Contains("Mfa:Sms", Assert.ThrowsAny<Exception>(() => app.Services).ToString());
    }
}
