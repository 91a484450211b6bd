namespace Flowgate.Bench.Requests;

/// <summary>One row of the request bench (a request on a server, in a flow state) and how to measure one slice of it.</summary>
internal sealed record RequestPhase(string Server, string Row, Func<Task<LoadResult>> MeasureSliceAsync);
