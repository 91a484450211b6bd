namespace Flowgate.Runtime.Jobs;

/// <summary>The running totals of an import's written rows.</summary>
internal sealed class ImportCounts
{
    public int Inserted { get; set; }
    public int Updated { get; set; }
}
