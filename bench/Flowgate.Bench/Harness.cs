using Flowgate.Runtime.Triggers;

namespace Flowgate.Bench;

/// <summary>
/// The JavaScript the other engines run: Flowgate's own generated post-login api (recording
/// commands the same way), JSON in, JSON out. By default they get no deep freeze and no hardening,
/// so the comparison favours them; <c>runFrozen</c> adds the deep-frozen event an Auth0-compatible
/// sandbox owes its Actions (an Action must not change what later Actions see), for the like-for-like row.
/// </summary>
internal static class Harness
{
    public static string Source { get; } = $$"""
        const createApi = {{ApiScript.Factory(TriggerCatalog.Get("post-login"))}};
        function runAction(handler, eventJson) {
          const commands = [];
          const ctx = { record: (method, args) => commands.push({ method, args }), checkFactor() {}, isContinue: false };
          const api = createApi(ctx);
          const event = JSON.parse(eventJson);
          return Promise.resolve(handler(event, api)).then(() => JSON.stringify(commands));
        }
        function deepFreeze(root) {
          const stack = [root];
          while (stack.length) {
            const o = stack.pop();
            Object.freeze(o);
            for (const k in o) { const v = o[k]; if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) stack.push(v); }
          }
          return root;
        }
        function runFrozen(handler, eventJson) {
          const commands = [];
          const ctx = { record: (method, args) => commands.push({ method, args }), checkFactor() {}, isContinue: false };
          const api = createApi(ctx);
          const event = deepFreeze(JSON.parse(eventJson));
          return Promise.resolve(handler(event, api)).then(() => JSON.stringify(commands));
        }
        """;
}
