namespace Flowgate.Runtime.Store;

/// <summary>The absolute path of Flowgate's data directory (git-ignored; created on first start).</summary>
public sealed record DataDirectory(string Path);
