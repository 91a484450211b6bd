using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Login;

/// <summary>What the factor decision of a login knows: the flow's MFA commands, the user's factors, the tenant's settings.</summary>
/// <param name="Requirement">The <c>challengeWith*</c>/<c>enrollWith*</c> the flow stopped on; null when it did not stop on one.</param>
/// <param name="Completed">The flow ran to its end, so <c>multifactor.enable</c> (<paramref name="Provider"/>) applies.</param>
/// <param name="Provider"><c>multifactor.enable</c>'s provider; null or <c>none</c> for none.</param>
/// <param name="AllowRememberBrowser"><c>multifactor.enable</c>'s <c>allowRememberBrowser</c>.</param>
/// <param name="Factors">The user's confirmed factors.</param>
/// <param name="Enabled">The factor types the tenant has enabled.</param>
/// <param name="Passed">A factor was already passed in this login: a challenge is not asked again.</param>
public sealed record FactorFacts(
    FactorRequirement? Requirement, bool Completed, string? Provider, bool AllowRememberBrowser,
    IReadOnlyList<HeldFactor> Factors, IReadOnlyList<string> Enabled, bool Passed);

/// <summary>A confirmed factor of the user's, and whether this browser is remembered for it.</summary>
public sealed record HeldFactor(string Type, bool Remembered = false);
