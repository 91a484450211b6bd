using System.Collections.Concurrent;

namespace Flowgate.Runtime.Store;

/// <summary>
/// A compiled query, compiled once per provider's context type: EF Core binds a compiled query to the model it first
/// runs on, and one process may host more than one provider (the tests run SQLite and PostgreSQL hosts side by side).
/// </summary>
internal sealed class CompiledQueryPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<Type, TQuery> _byContext = new();

    public TQuery For(FlowgateDbContext db) => _byContext.GetOrAdd(db.GetType(), _ => compile());
}
