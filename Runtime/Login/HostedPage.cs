namespace Flowgate.Runtime.Login;

/// <summary>The hosted pages a login step can show.</summary>
public enum HostedPage { Login, Signup, Consent }
