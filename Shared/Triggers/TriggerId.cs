namespace Flowgate.Shared.Triggers;

/// <summary>Auth0's trigger ids, as they appear in the Management API and in bindings.</summary>
public static class TriggerId
{
    public const string PostLogin = "post-login";
}
