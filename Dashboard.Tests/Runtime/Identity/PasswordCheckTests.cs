using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Runtime.Identity;

/// <summary>An end user's lockout holds when wrong passwords arrive in parallel.</summary>
public sealed class PasswordCheckTests : IClassFixture<FlowgateAppFixture>
{
    private const int Guesses = 40;
    private readonly FlowgateApp _app;

    public PasswordCheckTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Forty_parallel_wrong_passwords_check_exactly_the_limit_then_the_right_one_is_refused(DatabaseProvider provider)
    {
        // The counter is an atomic ExecuteUpdate: on PostgreSQL the guesses really run at once (no file lock between them).
        using var database = provider == DatabaseProvider.Sqlite ? null : TestDatabase.Create(provider);
        using var own = database is null ? null : new FlowgateApp(database);
        var app = own ?? _app;
        var created = await app.CreateUserAsync();
        var limit = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.Lockout.MaxFailedAccessAttempts;

        var results = await Task.WhenAll(Enumerable.Range(0, Guesses).Select(i => Task.Run(() => CheckAsync(app, created.Id, "wrong password " + i))));

        Assert.Equal(limit - 1, results.Count(r => r == PasswordCheckResult.WrongPassword));
        Assert.Equal(Guesses - limit + 1, results.Count(r => r == PasswordCheckResult.Locked));
        Assert.Equal(PasswordCheckResult.Locked, await CheckAsync(app, created.Id, "correct horse battery"));
    }

    [Fact]
    public async Task The_right_password_resets_the_count()
    {
        var created = await _app.CreateUserAsync();

        for (var i = 0; i < 5; i++)
            Assert.Equal(PasswordCheckResult.WrongPassword, await CheckAsync(_app, created.Id, "nope"));
        Assert.Equal(PasswordCheckResult.Accepted, await CheckAsync(_app, created.Id, "correct horse battery"));
        for (var i = 0; i < 9; i++)
            Assert.Equal(PasswordCheckResult.WrongPassword, await CheckAsync(_app, created.Id, "nope"));
    }

    private static async Task<PasswordCheckResult> CheckAsync(FlowgateApp app, string userId, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>().FindByIdAsync(userId);
        return await scope.ServiceProvider.GetRequiredService<PasswordCheck>().CheckAsync(user, password, CancellationToken.None);
    }
}
