using Flowgate.Runtime.Store;

namespace Flowgate.Tests.Infrastructure;

/// <summary>Two instances on one fresh database with the same settings, as behind a load balancer; disposes all three.</summary>
public sealed class TwoInstances : IDisposable
{
    private readonly TestDatabase _database;

    public TwoInstances(DatabaseProvider provider, IReadOnlyDictionary<string, string> settings)
    {
        _database = TestDatabase.Create(provider);
        First = new FlowgateApp(_database, settings: settings);
        Second = new FlowgateApp(_database, settings: settings);
    }

    public FlowgateApp First { get; }
    public FlowgateApp Second { get; }

    /// <summary>The instance a load balancer that alternates sends request <paramref name="i"/> to.</summary>
    public FlowgateApp this[int i] => i % 2 == 0 ? First : Second;

    public void Dispose()
    {
        First.Dispose();
        Second.Dispose();
        _database.Dispose();
    }
}
