using Jint;

namespace Flowgate.Bench;

/// <summary>The same Action in Jint: one engine, the module evaluated once, one call per execution.</summary>
internal sealed class JintRunner
{
    private readonly Engine _engine = new();

    public JintRunner(Scenario scenario)
    {
        _engine.Execute(Harness.Source);
        _engine.Execute("const module = { exports: {} }; const exports = module.exports;\n" + scenario.Code);
        _engine.Execute("async function execute(eventJson) { return await runAction(module.exports.onExecutePostLogin, eventJson); }");
        _engine.Execute("async function executeFrozen(eventJson) { return await runFrozen(module.exports.onExecutePostLogin, eventJson); }");
    }

    public string Execute(string eventJson) => _engine.Invoke("execute", eventJson).UnwrapIfPromise().AsString();

    /// <summary>The same with the event deep-frozen first, as Flowgate gives it to Actions.</summary>
    public string ExecuteFrozen(string eventJson) => _engine.Invoke("executeFrozen", eventJson).UnwrapIfPromise().AsString();
}
