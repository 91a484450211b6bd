namespace Flowgate.Runtime.Branding;

/// <summary>One screen of a prompt that Flowgate's hosted pages render, with its text keys and their English defaults.</summary>
public sealed record PromptScreen(string Prompt, string Screen, IReadOnlyDictionary<string, string> Defaults);
