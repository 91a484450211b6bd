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
    }

    public string Execute(string eventJson) => _engine.Invoke("execute", eventJson).UnwrapIfPromise().AsString();
}
