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
    /// <summary>Serves requests until stdin closes; returns the process exit code.</summary>
    public static async Task<int> RunAsync(Stream stdin, Stream stdout, CancellationToken cancellationToken)
    {
        var options = await WorkerFraming.ReadAsync<SandboxOptions>(stdin, cancellationToken);
        if (options is null)
        {
            return 0;
        }
        await using var sandbox = new V8ActionSandbox(options);
        using var writeLock = new SemaphoreSlim(1, 1);
        var running = new List<Task>();
        // Blocking reads on a dedicated thread: the lowest latency for a pipe (see WorkerFraming.Read).
        var reader = new Thread(() =>
        {
            while (!cancellationToken.IsCancellationRequested && WorkerFraming.Read<WorkerRequest>(stdin) is { } request)
            {
                lock (running)
                {
                    running.RemoveAll(t => t.IsCompleted);
                    running.Add(Task.Run(() => ServeAsync(sandbox, request, stdout, writeLock, cancellationToken), cancellationToken));
                }
            }
        }) { IsBackground = true, Name = "sandbox-worker-requests" };
        reader.Start();
        await Task.Run(reader.Join, cancellationToken);
        Task[] pending;
        lock (running)
        {
            pending = [.. running];
        }
        await Task.WhenAll(pending);
        return 0;
    }

    private static async Task ServeAsync(V8ActionSandbox sandbox, WorkerRequest request, Stream stdout, SemaphoreSlim writeLock, CancellationToken cancellationToken)
    {
        var result = request.Kind == "prepare"
            ? new ActionExecutionResult { Error = await sandbox.PrepareAsync(request.Request, cancellationToken) }
            : await sandbox.ExecuteAsync(request.Request, cancellationToken);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            WorkerFraming.Write(stdout, new WorkerReply(request.Id, result));
        }
        catch (JsonException e)
        {
            var failed = ActionExecutionResult.Failed(ActionErrorClass.PlatformError, "SerializationError", e.Message);
            WorkerFraming.Write(stdout, new WorkerReply(request.Id, failed));
        }
        finally
        {
            writeLock.Release();
        }
    }
}
