namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>Who credentials are for: the RP id (a domain, hashed into the authenticator data) and the origins pages may come from.</summary>
public sealed record RelyingParty(string Id, string Name, IReadOnlyCollection<string> Origins);
