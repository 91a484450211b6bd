namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// What a package.json says about the files below it: the folder's entry point, whether .js means CommonJS or an ES
/// module, and the entry point for browsers (when it is a path), which the sandbox loads when the Node one needs Node I/O.
/// </summary>
internal sealed record PackageScope(string? Main, string? Type, string? Browser = null);
