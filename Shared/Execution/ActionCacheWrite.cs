namespace Flowgate.Shared.Execution;

/// <summary>
/// One change an execution made to <c>api.cache</c>, applied by the host to the tenant's cache of that
/// trigger after the execution: a set (<paramref name="Value"/> and <paramref name="ExpiresAt"/>, Unix ms) or a delete (both null).
/// </summary>
public sealed record ActionCacheWrite(string Key, string? Value, long? ExpiresAt);
