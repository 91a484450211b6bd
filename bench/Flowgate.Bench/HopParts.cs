using System.Diagnostics;
using System.Text.Json;
using Flowgate.Runtime.Sandbox.Worker;
using Flowgate.Shared.Execution;

namespace Flowgate.Bench;

/// <summary>
/// What the worker pipe costs per execution apart from V8 and the kernel (<c>hop-parts</c>): framing and JSON of a
/// request and its reply, as the host and the worker do them, on a typical post-login event; best of five rounds.
/// </summary>
internal static class HopParts
{
    public static void Run(string eventJson)
    {
        var request = new ActionExecutionRequest { TenantId = "bench", TriggerId = "post-login", VersionId = "v1", Code = "x", Handler = "onExecutePostLogin", EventJson = eventJson,
            Secrets = new Dictionary<string, string> { ["TENANT"] = "acme" }, ActionId = "act_1", ActionName = "a" };
        var result = new ActionExecutionResult
        {
            Commands = [new ActionCommand("idToken.setCustomClaim", JsonSerializer.Deserialize<JsonElement>("[\"https://x/roles\",[\"Admin\"]]"))],
            Stats = new ActionExecutionStats { ActionDurationMs = 0.02, TotalRequestDurationMs = 0.03 },
        };
        var message = new WorkerRequest(1, "execute", request, true);
        var ms = new MemoryStream();
        Time("request write", () => { ms.SetLength(0); RequestFraming.Write(ms, message); });
        var bytes = ms.ToArray();
        Time("request read", () => RequestFraming.Read(new MemoryStream(bytes)));
        var meta = JsonSerializer.SerializeToUtf8Bytes(message with { Request = request with { EventJson = "", Code = "" } }, WorkerJson.Default.WorkerRequest);
        Time("request meta deserialize", () => JsonSerializer.Deserialize(meta, WorkerJson.Default.WorkerRequest));
        var ev = System.Text.Encoding.UTF8.GetBytes(eventJson);
        Time("event utf8 decode", () => System.Text.Encoding.UTF8.GetString(ev));
        Time("reply write", () => { ms.SetLength(0); WorkerFraming.Write(ms, new WorkerReply(1, result), WorkerJson.Default.WorkerReply); });
        var reply = ms.ToArray();
        Time("reply read", () => WorkerFraming.Read(new MemoryStream(reply), WorkerJson.Default.WorkerReply));
        Console.WriteLine($"request frame {bytes.Length} B, reply frame {reply.Length} B");
    }

    private static void Time(string name, Action run)
    {
        for (var i = 0; i < 20000; i++) run();
        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < 20000; i++) run();
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalMicroseconds / 20000);
        }
        Console.WriteLine($"{name,-36} {best,8:0.00} µs");
    }
}
