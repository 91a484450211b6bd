namespace Flowgate.Runtime.Actions.SavedTests;

/// <summary>What a saved test expects of the draft.</summary>
public static class SavedTestKinds
{
    /// <summary>Exactly these api calls (method and arguments), in this order, as a run recorded them.</summary>
    public const string Commands = "commands";
    /// <summary>The Action completes without calling <c>access.deny</c>.</summary>
    public const string NoDeny = "no_deny";
    /// <summary>An ID or access token custom claim ends up with this JSON value.</summary>
    public const string Claim = "claim";

    public static readonly IReadOnlyList<string> All = [Commands, NoDeny, Claim];
}
