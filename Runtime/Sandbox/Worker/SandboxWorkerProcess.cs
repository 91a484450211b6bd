using System.Collections.Concurrent;
using System.Text.Json;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>
/// The body of a sandbox worker process (<c>Flowgate.Dashboard sandbox-worker</c>): reads framed
/// requests from stdin, runs them in an in-process <see cref="V8ActionSandbox"/> concurrently,
/// and writes framed replies to stdout. The first frame carries the <see cref="SandboxOptions"/>.
/// If V8 aborts the process, the supervisor sees the pipe close and restarts the worker.
/// </summary>
public static class SandboxWorkerProcess
{
    /// <summary>
    /// Serves requests until stdin closes; returns the process exit code. <paramref name="stdinDescriptor"/>
    /// is the file descriptor behind <paramref name="stdin"/> (0 for the process's own), polled to spin
    /// briefly for the next request; -1 when there is none.
    /// </summary>
    public static async Task<int> RunAsync(Stream stdin, Stream stdout, CancellationToken cancellationToken, int stdinDescriptor = -1)
    {
        var options = await WorkerFraming.ReadAsync<SandboxOptions>(stdin, cancellationToken);
        if (options is null)
        {
            return 0;
        }
        // Requests in V8 by identity, so an execution stuck past its deadline can be reported under its id (with its flow, in a trip).
        var running = new ConcurrentDictionary<ActionExecutionRequest, RunningRequest>(ReferenceEqualityComparer.Instance);
        var sandbox = new V8ActionSandbox(options, stuck: request =>
        {
            if (running.TryGetValue(request, out var at))
            {
                Reply(stdout, at.Flow is { } flow
                    ? FlowTrips.StuckReport(at.Id, flow, request, options.DefaultTimeout)
                    : new WorkerReply(at.Id, ActionExecutionResult.Failed(ActionErrorClass.ActionTimeout, WorkerErrors.Stuck, "Still inside V8 past the deadline.")));
            }
        });
        var codes = new ConcurrentDictionary<string, string>();
        var server = new RequestLoop(stdin, stdinDescriptor, async request =>
        {
            if (request.Kind == WorkerRequest.FlowKind)
            {
                Reply(stdout, await FlowTrips.RunAsync(sandbox, request, codes, running, cancellationToken));
                return;
            }
            request = WithCode(request, codes);
            running[request.Request] = new RunningRequest(request.Id, null);
            try
            {
                await ServeAsync(sandbox, request, stdout, cancellationToken);
            }
            finally
            {
                running.TryRemove(request.Request, out _);
            }
        }, cancellationToken);
        await Task.Run(server.Run, cancellationToken);
        // The pipe closed: the host stopped or was killed, and nobody will read a reply. An execution V8
        // cannot interrupt would keep this process spinning for good, and disposing its isolate would wait on it.
        var drained = server.DrainAsync();
        if (await Task.WhenAny(drained, Task.Delay(DrainLimit, CancellationToken.None)) != drained)
        {
            return EndNow();
        }
        await sandbox.DisposeAsync();
        return 0;
    }

    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(2);

    private static int EndNow()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        self.Kill();
        return 1;
    }

    // The host sends a version's code once; this worker keeps it to recompile after an isolate is rebuilt.
    private static WorkerRequest WithCode(WorkerRequest request, ConcurrentDictionary<string, string> codes)
    {
        if (!request.CodeOmitted)
        {
            codes[request.Request.VersionId] = request.Request.Code;
            return request;
        }
        return codes.TryGetValue(request.Request.VersionId, out var code)
            ? request with { Request = request.Request with { Code = code }, CodeOmitted = false }
            : request;
    }

    private static async Task ServeAsync(V8ActionSandbox sandbox, WorkerRequest request, Stream stdout, CancellationToken cancellationToken)
    {
        var result = request.CodeOmitted
            ? ActionExecutionResult.Failed(ActionErrorClass.PlatformError, WorkerErrors.MissingCode, "The worker has no code for this version; the host resends it.")
            : request.Kind == "prepare"
            ? new ActionExecutionResult { Error = await sandbox.PrepareAsync(request.Request, cancellationToken) }
            : await sandbox.ExecuteAsync(request.Request, cancellationToken);
        Reply(stdout, new WorkerReply(request.Id, result));
    }

    // Replies are small and the pipe is local: a blocking write under a lock beats an async hop.
    private static void Reply(Stream stdout, WorkerReply reply)
    {
        lock (stdout)
        {
            try
            {
                WorkerFraming.Write(stdout, reply, WorkerJson.Default.WorkerReply);
            }
            catch (JsonException e)
            {
                WorkerFraming.Write(stdout, reply with { Result = ActionExecutionResult.Failed(ActionErrorClass.PlatformError, "SerializationError", e.Message) },
                    WorkerJson.Default.WorkerReply);
            }
        }
    }
}
