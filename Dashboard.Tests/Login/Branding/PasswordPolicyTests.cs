using System.Net.Http.Json;
using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Branding;

/// <summary>
/// The tenant's password policy (Auth0's levels and minimum length): the signup and reset pages list its rules before
/// anything is typed, and signup and the Management API refuse a password that misses one, in Auth0's words.
/// </summary>
public sealed class PasswordPolicyTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task A_good_policy_is_listed_on_signup_and_refuses_a_weak_password_on_signup_and_over_the_api()
    {
        await SetPolicyAsync(new PasswordPolicy(PasswordPolicy.Good, 10));
        try
        {
            var spa = await _app.CreateSpaAsync();
            var http = _app.CreateBrowserClient();
            var signup = $"/u/signup?returnUrl={Uri.EscapeDataString(HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s1"))}";

            var page = await http.GetStringAsync(signup);
            Assert.Contains("data-test=\"password-rules\"", page);
            Assert.Contains("At least 10 characters", page);
            Assert.Contains("At least 3 of these", page);
            Assert.Contains("aria-describedby=\"password-rules\"", page);

            var refused = await HtmlForm.SubmitAsync(http, signup, new Dictionary<string, string>
            {
                ["Input.Email"] = $"weak-{Guid.NewGuid():N}@example.com", ["Input.Password"] = "alllowercase",
            });
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("data-test=\"signup-error\"", html);
            Assert.Contains("at least 3 of these", html);

            var api = await _app.CreateManagementClientAsync("create:users");
            var weak = await api.PostAsJsonAsync("/api/v2/users", new { email = $"api-{Guid.NewGuid():N}@example.com", password = "Short1!", connection = "Username-Password-Authentication" });
            await weak.AssertErrorAsync(400, "PasswordStrengthError: Password is too weak");
            await weak.AssertErrorAsync(400, "at least 10 characters");
            var strong = await api.PostAsJsonAsync("/api/v2/users", new { email = $"api-{Guid.NewGuid():N}@example.com", password = "Longer-Passw0rd", connection = "Username-Password-Authentication" });
            await strong.JsonAsync(201);
        }
        finally
        {
            await SetPolicyAsync(PasswordPolicy.Default);
        }
    }

    [Theory]
    [InlineData(PasswordPolicy.None, null, "x", true)]
    [InlineData(PasswordPolicy.Low, null, "abcdef", true)]
    [InlineData(PasswordPolicy.Low, null, "abcde", false)]
    [InlineData(PasswordPolicy.Fair, null, "abcdefG1", true)]
    [InlineData(PasswordPolicy.Fair, null, "abcdefg1", false)]
    [InlineData(PasswordPolicy.Good, null, "abcdefG!", true)]
    [InlineData(PasswordPolicy.Good, null, "abcdefgh", false)]
    [InlineData(PasswordPolicy.Excellent, null, "abcdefG!12", true)]
    [InlineData(PasswordPolicy.Excellent, null, "aaabcdG!12", false)]
    [InlineData(PasswordPolicy.None, 12, "abcdefghijk", false)]
    public void Each_level_checks_what_auth0s_level_checks(string level, int? minLength, string password, bool accepted) =>
        Assert.Equal(accepted, new PasswordPolicy(level, minLength).Rules().All(rule => rule.IsSatisfiedBy(password)));

    [Fact]
    public async Task An_unknown_level_or_a_length_out_of_range_is_refused()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<PasswordPolicyStore>();
        var unknown = await Assert.ThrowsAsync<Flowgate.Runtime.Actions.OperationRejectedException>(() => store.SetAsync(new("strong", null), CancellationToken.None));
        Assert.Contains("must be one of none, low, fair, good, excellent", unknown.Message);
        await Assert.ThrowsAsync<Flowgate.Runtime.Actions.OperationRejectedException>(() => store.SetAsync(new(PasswordPolicy.Low, 0), CancellationToken.None));
        Assert.Equal(PasswordPolicy.Default, await store.GetAsync(CancellationToken.None));
    }

    private async Task SetPolicyAsync(PasswordPolicy policy)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PasswordPolicyStore>().SetAsync(policy, CancellationToken.None);
    }
}
