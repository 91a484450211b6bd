using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Runtime.Mfa;

/// <summary>The hourly windows per enrolment, user and tenant, counted in the database; their settings checked on start.</summary>
public sealed class SmsLimitsTests
{
    private readonly TestClock _clock = new();

    [Fact]
    public async Task A_user_is_limited_over_all_their_enrolments_and_told_how_long_to_wait()
    {
        using var app = App(("PerUserPerHour", "3"));
        var limits = app.Services.GetRequiredService<SmsLimits>();
        StartOfAnHour();

        var sent = new List<TimeSpan?>();
        for (var i = 0; i < 4; i++)
        {
            sent.Add(await limits.TryTakeAsync("t", "user-1", "enrolment-" + i, CancellationToken.None));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal([null, null, null], sent.Take(3));
        // Three codes in the first minutes of an hour weigh two thirds of them a third into the next one.
        var wait = Assert.NotNull(sent[3]);
        Assert.InRange(wait, TimeSpan.FromMinutes(77), TimeSpan.FromMinutes(77) + TimeSpan.FromSeconds(1));
        Assert.Null(await limits.TryTakeAsync("t", "user-2", "enrolment-x", CancellationToken.None));
        _clock.Advance(wait - TimeSpan.FromMinutes(1) - TimeSpan.FromSeconds(2));
        Assert.NotNull(await limits.TryTakeAsync("t", "user-1", "enrolment-8", CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await limits.TryTakeAsync("t", "user-1", "enrolment-9", CancellationToken.None));
    }

    [Fact]
    public async Task A_tenant_is_limited_over_all_its_users()
    {
        using var app = App(("PerTenantPerHour", "2"));
        var limits = app.Services.GetRequiredService<SmsLimits>();

        Assert.Null(await limits.TryTakeAsync("t", "a", "ea", CancellationToken.None));
        Assert.Null(await limits.TryTakeAsync("t", "b", "eb", CancellationToken.None));
        Assert.NotNull(await limits.TryTakeAsync("t", "c", "ec", CancellationToken.None));
        Assert.Null(await limits.TryTakeAsync("other tenant", "c", "ec2", CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_code_spends_nothing_of_the_tenants_window()
    {
        using var app = App(("PerUserPerHour", "1"), ("PerTenantPerHour", "2"));
        var limits = app.Services.GetRequiredService<SmsLimits>();

        Assert.Null(await limits.TryTakeAsync("t", "pumped", "e1", CancellationToken.None));
        for (var i = 0; i < 5; i++)
            Assert.NotNull(await limits.TryTakeAsync("t", "pumped", "e1", CancellationToken.None));

        Assert.Null(await limits.TryTakeAsync("t", "another", "e2", CancellationToken.None));
        Assert.NotNull(await limits.TryTakeAsync("t", "a third", "e3", CancellationToken.None));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_instances_on_one_database_count_into_the_same_windows(DatabaseProvider provider)
    {
        using var instances = new TwoInstances(provider, new Dictionary<string, string> { ["Mfa:Sms:PerEnrollmentPerHour"] = "3" });

        var sent = new List<TimeSpan?>();
        for (var i = 0; i < 4; i++)
            sent.Add(await instances[i].Services.GetRequiredService<SmsLimits>().TryTakeAsync("t", "user", "enrolment", CancellationToken.None));

        Assert.Equal([null, null, null], sent.Take(3));
        Assert.NotNull(sent[3]);
    }

    [Fact]
    public void A_limit_below_one_stops_the_start_and_names_the_section()
    {
        using var app = new FlowgateApp(settings: new Dictionary<string, string> { ["Mfa:Sms:PerUserPerHour"] = "0" });

        Assert.Contains("Mfa:Sms", Assert.ThrowsAny<Exception>(() => app.Services).ToString());
    }

    private FlowgateApp App(params (string Key, string Value)[] sms) =>
        new(services: s => s.AddSingleton<TimeProvider>(_clock), settings: sms.ToDictionary(p => "Mfa:Sms:" + p.Key, p => p.Value));

    // The windows are whole hours: start at one, so the test reads the same whatever the time it runs.
    private void StartOfAnHour() => _clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromTicks(_clock.Now.UtcTicks % TimeSpan.TicksPerHour));
}
