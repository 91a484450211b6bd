namespace Flowgate.Dashboard.Components.Pages.Users;

/// <summary>Where a user's page is. Database user ids contain <c>|</c>, so they are escaped in the path.</summary>
internal static class UserLinks
{
    public static string Detail(string userId) => "users/" + Uri.EscapeDataString(userId);
}
