using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Sandbox.Worker;
using Flowgate.Runtime.Triggers;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Cli;

/// <summary>
/// <c>actions test</c>: runs one Action through the same runtime the login server uses (a sandbox
/// worker by default) and prints one JSON object with its commands, logs, error and stats.
/// </summary>
public static class ActionsTestCommand
{
    /// <summary>
    /// Runs the command. Exit code 0 when the Action ran (even if it denied the login), 1 when it
    /// failed (threw, timed out, or ended its worker), 2 for invalid arguments or unreadable files.
    /// </summary>
    public static async Task<int> RunAsync(string[] argsAfterActionsTest, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (arguments, usageError) = ActionsTestArguments.Parse(argsAfterActionsTest);
        if (arguments is null)
        {
            await stderr.WriteLineAsync($"{usageError}\n{ActionsTestArguments.Usage}");
            return 2;
        }
        var trigger = TriggerCatalog.Find(arguments.Trigger);
        if (trigger is null)
        {
            await stderr.WriteLineAsync($"unknown trigger '{arguments.Trigger}'; known: {string.Join(", ", TriggerCatalog.All.Select(t => t.Id))}");
            return 2;
        }
        ActionExecutionRequest request;
        try
        {
            var code = await File.ReadAllTextAsync(arguments.CodePath, cancellationToken);
            var eventJson = arguments.EventPath is null ? trigger.SampleEventJson : await File.ReadAllTextAsync(arguments.EventPath, cancellationToken);
            using (JsonDocument.Parse(eventJson))
            {
            }
            request = new ActionExecutionRequest
            {
                TenantId = "cli",
                TriggerId = trigger.Id,
                VersionId = "cli_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)))[..16],
                Code = code,
                Handler = arguments.Handler ?? trigger.ExecuteHandler,
                EventJson = eventJson,
                Secrets = arguments.Secrets,
                TimeoutMs = arguments.TimeoutMs,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            await stderr.WriteLineAsync(e.Message);
            return 2;
        }

        await using IActionSandbox sandbox = arguments.InProcess
            ? new V8ActionSandbox()
            : new SandboxSupervisor(OneWorker());
        var result = await sandbox.ExecuteAsync(request, cancellationToken);
        var output = Render(result);
        if (arguments.Repeat > 0 && result.Error is null)
        {
            var times = new List<double>(arguments.Repeat);
            for (var i = 0; i < arguments.Repeat; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await sandbox.ExecuteAsync(request, cancellationToken);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
            times.Sort();
            var stats = output["stats"]!.AsObject();
            stats["repeat"] = arguments.Repeat;
            stats["median_us"] = Math.Round(times[times.Count / 2], 1);
            stats["p99_us"] = Math.Round(times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.99) - 1)], 1);
        }
        await stdout.WriteLineAsync(output.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return result.Error is null ? 0 : 1;
    }

    // One worker is enough for one Action, and starting it is part of what the user waits for.
    private static SandboxWorkerOptions OneWorker()
    {
        var options = SandboxWorkerOptions.ForCurrentProcess();
        options.WorkerCount = 1;
        return options;
    }

    private static JsonObject Render(ActionExecutionResult result) => new()
    {
        ["commands"] = new JsonArray(result.Commands.Select(c => (JsonNode)new JsonObject
        {
            ["method"] = c.Method,
            ["args"] = JsonNode.Parse(c.Args.GetRawText()),
        }).ToArray()),
        ["logs"] = new JsonArray(result.Logs.Select(l => (JsonNode)JsonValue.Create(l)).ToArray()),
        ["error"] = result.Error is null ? null : new JsonObject
        {
            ["name"] = result.Error.Name,
            ["message"] = result.Error.Message,
            ["stack"] = result.Error.Stack,
            ["class"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(result.Error.Class.ToString()),
        },
        ["stats"] = JsonSerializer.SerializeToNode(result.Stats),
    };
}
