namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>Requests written to workers, over every worker the supervisor started (tests tell one trip per flow by it).</summary>
internal sealed class RequestCounter
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}
