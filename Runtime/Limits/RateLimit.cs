namespace Flowgate.Runtime.Limits;

/// <summary>A limit: at most <paramref name="Permits"/> hits per partition in any <paramref name="Window"/>.</summary>
/// <param name="Name">Names the limit in the stored key, so two limits never share a count.</param>
public sealed record RateLimit(string Name, int Permits, TimeSpan Window);
