using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Infrastructure;

/// <summary>End users and the applications they log in to, made through the real services.</summary>
internal static class EndUsers
{
    public const string Callback = "https://app.example.com/callback";
    public const string LogoutUrl = "https://app.example.com/";

    public static async Task<TenantUser> CreateUserAsync(this FlowgateApp app, string password = "correct horse battery", string emailDomain = "example.com")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>();
        var email = $"user-{Guid.NewGuid():N}@{emailDomain}";
        var user = new TenantUser { Id = UserIds.NewDatabaseUserId(), UserName = email, Email = email, EmailConfirmed = true, Name = "Jane Smith" };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    public static async Task<ApplicationCredentials> CreateSpaAsync(this FlowgateApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationService>().CreateInteractiveAsync(
            new InteractiveApplicationRequest("My SPA", ApplicationTypes.Spa, [Callback], [LogoutUrl]), CancellationToken.None);
    }
}
