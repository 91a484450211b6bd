using Flowgate.Runtime.Triggers;

namespace Flowgate.Bench;

/// <summary>
/// The JavaScript the other engines run: Flowgate's own generated post-login api (recording
/// commands the same way), JSON in, JSON out. They get no deep freeze and no hardening, so the
/// comparison favours them slightly.
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
        """;
}
