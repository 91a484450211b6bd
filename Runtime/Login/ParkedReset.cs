namespace Flowgate.Runtime.Login;

/// <summary>
/// What a parked password reset has instead of a session: the mailed link's ticket, which proves the user, and the
/// browser that opened it. The state travels in URLs (even to the site an Action redirects to), so it is bound to a
/// random HttpOnly cookie that never leaves this browser and this server.
/// </summary>
/// <param name="BrowserHash">The SHA-256 of the binding cookie's value.</param>
public sealed record ParkedReset(string Ticket, string BrowserHash) : ParkedPurpose;
