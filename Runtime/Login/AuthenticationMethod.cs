namespace Flowgate.Runtime.Login;

/// <summary>One entry of Auth0's <c>event.authentication.methods</c>: how the user proved who they are (<c>pwd</c>,
/// <c>passkey</c>, <c>mfa</c>), and when.</summary>
public sealed record AuthenticationMethod(string Name, DateTimeOffset Timestamp);
