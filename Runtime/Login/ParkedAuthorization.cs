namespace Flowgate.Runtime.Login;

/// <summary>The authorization request a parked login finishes.</summary>
/// <param name="Client">The application logging in.</param>
/// <param name="Fingerprint">The request's <see cref="AuthorizationRequestFingerprint"/>; resuming with any other request is refused.</param>
/// <param name="Url">The authorization request, as a local URL, to send the browser back to.</param>
public sealed record ParkedAuthorization(string Client, string Fingerprint, string Url) : ParkedPurpose;
