using Flowgate.Runtime.Identity;
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

    [Fact]
    public async Task Forty_parallel_wrong_passwords_check_exactly_the_limit_then_the_right_one_is_refused()
    {
        var created = await _app.CreateUserAsync();
        var limit = _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.Lockout.MaxFailedAccessAttempts;

        var results = await Task.WhenAll(Enumerable.Range(0, Guesses).Select(i => Task.Run(() => CheckAsync(created.Id, "wrong password " + i))));

        Assert.Equal(limit - 1, results.Count(r => r == PasswordCheckResult.WrongPassword));
        Assert.Equal(Guesses - limit + 1, results.Count(r => r == PasswordCheckResult.Locked));
        Assert.Equal(PasswordCheckResult.Locked, await CheckAsync(created.Id, "correct horse battery"));
    }

    [Fact]
    public async Task The_right_password_resets_the_count()
    {
        var created = await _app.CreateUserAsync();

        for (var i = 0; i < 5; i++)
            Assert.Equal(PasswordCheckResult.WrongPassword, await CheckAsync(created.Id, "nope"));
        Assert.Equal(PasswordCheckResult.Accepted, await CheckAsync(created.Id, "correct horse battery"));
        for (var i = 0; i < 9; i++)
            Assert.Equal(PasswordCheckResult.WrongPassword, await CheckAsync(created.Id, "nope"));
    }

    private async Task<PasswordCheckResult> CheckAsync(string userId, string password)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>().FindByIdAsync(userId);
        return await scope.ServiceProvider.GetRequiredService<PasswordCheck>().CheckAsync(user, password, CancellationToken.None);
    }
}
