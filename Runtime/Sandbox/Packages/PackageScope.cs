namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>What a package.json says about the files below it: the folder's entry point and whether .js means CommonJS or an ES module.</summary>
internal sealed record PackageScope(string? Main, string? Type);
