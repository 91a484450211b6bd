namespace Flowgate.Runtime.Login;

/// <summary>What the post-login flow (with the factor decision on its result) asks of the login.</summary>
/// <param name="Denial">Why the login cannot go on (no usable factor, a factor that cannot be enrolled); null when it can.</param>
/// <param name="Factor">A factor page to pass: <c>true</c> to enrol, <c>false</c> to be challenged; null for none.</param>
/// <param name="RedirectUrl">The site an Action sent the browser to; null for none.</param>
public sealed record FlowFacts(string? Denial, bool? Factor, string? RedirectUrl);
