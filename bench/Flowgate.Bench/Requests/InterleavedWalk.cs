namespace Flowgate.Bench.Requests;

/// <summary>
/// The order in which the request bench measures its short slices. The compared phases sit in a ring, each compared
/// with its two neighbours (this build's bare grants, the baseline's bare grants, the baseline's bound grants, this build's
/// bound grants, and back); the walk goes once around the ring, then once back, and so on. Every compared pair is then
/// measured in adjacent slices, as often in one order as in the other: a machine whose speed drifts by tens of percent
/// within a minute barely moves within two slices, and what it does move favours neither side.
/// </summary>
internal static class InterleavedWalk
{
    /// <summary>
    /// Indexes into a ring of <paramref name="phases"/> phases for one lap forward and one back, starting at the first
    /// phase; the next double lap starts there again, and the walk's end measures it once more to close the last pair.
    /// </summary>
    public static IEnumerable<int> DoubleLap(int phases)
    {
        for (var position = 0; position < phases; position++)
            yield return position;
        for (var position = 0; position < phases; position++)
            yield return (phases - position) % phases;
    }
}
