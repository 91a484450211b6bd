namespace Flowgate.Runtime.Actions.SavedTests;

/// <summary>How a saved test did against the draft; <paramref name="Reason"/> says expected against actual when it failed.</summary>
public sealed record SavedTestResult(SavedTest Test, bool Passed, string? Reason);
