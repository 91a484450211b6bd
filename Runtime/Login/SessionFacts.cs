namespace Flowgate.Runtime.Login;

/// <summary>The end user's browser session, as the login transaction needs it.</summary>
/// <param name="AuthenticatedAt">When the user last authenticated (password or passkey) in this session.</param>
public sealed record SessionFacts(string UserId, bool Blocked, DateTimeOffset AuthenticatedAt);
