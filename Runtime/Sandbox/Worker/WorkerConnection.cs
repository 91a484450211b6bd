using System.Collections.Concurrent;
using System.Diagnostics;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>
/// One running worker process and its pipe. Requests are multiplexed by id; when the process
/// dies, every in-flight request fails as <c>platform_error</c> and the versions that were running
/// are reported, so the supervisor can count crashes and start a new worker. When the watchdog
/// (<see cref="KillIfOverdue"/>) ends it instead, only the overdue requests fail (as timeouts) and
/// the others come back as <see cref="WorkerErrors.Resend"/> for the supervisor to send again.
/// </summary>
internal sealed partial class WorkerConnection : IAsyncDisposable
{
    private readonly Process _process;
    private readonly PendingRequests _pending;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly WorkerStderr _stderr = new();
    private readonly Action<IReadOnlyCollection<string>> _onCrash;
    private readonly ConcurrentDictionary<string, bool> _versionsSent = new();
    private readonly PipeSpin _replySpin = new(TimeSpan.FromMilliseconds(0.3));
    private long _nextId;
    private long _lastReply = Stopwatch.GetTimestamp();
    private volatile bool _dead;
    private int _ending;
    // Set once MarkDead is done with the process, so disposing it cannot race the reader thread.
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly RequestCounter _sent;

    private WorkerConnection(Process process, SandboxWorkerOptions options, Action<IReadOnlyCollection<string>> onCrash, RequestCounter sent)
    {
        _process = process;
        _sent = sent;
        _pending = new PendingRequests(options);
        _onCrash = onCrash;
    }

    public bool IsAlive => !_dead;

    public int ProcessId => _process.Id;

    public static async Task<WorkerConnection> StartAsync(
        SandboxWorkerOptions options, Action<IReadOnlyCollection<string>> onCrash, RequestCounter sent, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.WorkerFileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in options.WorkerArguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the sandbox worker {options.WorkerFileName}.");
        var connection = new WorkerConnection(process, options, onCrash, sent);
        process.ErrorDataReceived += (_, e) => connection._stderr.Keep(e.Data);
        process.BeginErrorReadLine();
        await WorkerFraming.WriteAsync(process.StandardInput.BaseStream, options.Sandbox, cancellationToken);
        new Thread(connection.ReadReplies) { IsBackground = true, Name = "sandbox-worker-reader" }.Start();
        return connection;
    }

    public async Task<WorkerReply> SendAsync(string kind, ActionExecutionRequest request, CancellationToken cancellationToken)
    {
        var codeOmitted = _versionsSent.ContainsKey(request.VersionId);
        var reply = await SendOnceAsync(new WorkerRequest(0, kind, request, codeOmitted), cancellationToken);
        if (codeOmitted && reply.Result.Error?.Name == WorkerErrors.MissingCode)
        {
            _versionsSent.TryRemove(request.VersionId, out _);
            reply = await SendOnceAsync(new WorkerRequest(0, kind, request), cancellationToken);
        }
        if (reply.Result.Error?.Class != ActionErrorClass.PlatformError)
        {
            _versionsSent.TryAdd(request.VersionId, true);
        }
        return reply;
    }

    /// <summary>Sends a whole flow (<see cref="FlowTrips"/>); the code of the versions this worker has seen stays home, as for one Action.</summary>
    public async Task<WorkerReply> SendFlowAsync(FlowTrip trip, TimeSpan defaultTimeout, CancellationToken cancellationToken)
    {
        var reply = await SendOnceAsync(FlowTrips.Message(trip, _versionsSent.ContainsKey, defaultTimeout), cancellationToken);
        if (reply.Result.Error?.Name == WorkerErrors.MissingCode)
        {
            reply = await SendOnceAsync(FlowTrips.Message(trip, _ => false, defaultTimeout), cancellationToken);
        }
        // The worker keeps the code of every Action the trip carried, whether or not the flow reached it.
        if (reply.Flow is not null)
        {
            foreach (var action in trip.Request.Actions.Skip(trip.Start))
            {
                _versionsSent.TryAdd(action.VersionId, true);
            }
        }
        return reply;
    }

    private async Task<WorkerReply> SendOnceAsync(WorkerRequest message, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        _sent.Add();
        // Continuations run on the thread pool, never on the reader thread: a caller's continuation is the rest of
        // its request (the next Action, then signing tokens), and run inline it would hold up every reply behind it.
        var reply = new TaskCompletionSource<WorkerReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Add(id, message, reply);
        if (_dead && _pending.Remove(id))
        {
            // The worker ended before this request was written: it never ran, so the supervisor sends it to the next one.
            return new WorkerReply(id, WorkerFailures.Resend("The sandbox worker had ended; sent again."));
        }
        try
        {
            await _writeLock.WaitAsync(cancellationToken);
            try
            {
                RequestFraming.Write(_process.StandardInput.BaseStream, message with { Id = id });
            }
            finally
            {
                _writeLock.Release();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            MarkDead();
            if (_pending.Remove(id))
            {
                return new WorkerReply(id, WorkerFailures.Resend("The sandbox worker had ended; sent again."));
            }
        }
        // A caller that stops waiting leaves its request pending: the worker still runs it, and the watchdog still watches it.
        return await reply.Task.WaitAsync(cancellationToken);
    }

    private void ReadReplies()
    {
        try
        {
            var stdout = _process.StandardOutput.BaseStream;
            var fd = stdout is System.IO.Pipes.PipeStream pipe ? (int)pipe.SafePipeHandle.DangerousGetHandle() : -1;
            while (true)
            {
                // A reply is due: spin for it rather than sleep (see PipeSpin).
                if (fd >= 0 && !_pending.IsEmpty)
                {
                    _replySpin.UntilReadable(fd);
                }
                if (WorkerFraming.Read(stdout, WorkerJson.Default.WorkerReply) is not { } reply)
                {
                    break;
                }
                Volatile.Write(ref _lastReply, Stopwatch.GetTimestamp());
                if (reply.Result.Error?.Name == WorkerErrors.Stuck)
                {
                    KillForStuck(reply);
                }
                else
                {
                    _pending.Complete(reply);
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or ObjectDisposedException)
        {
            _stderr.Keep(e.Message);
        }
        MarkDead();
    }

    private void MarkDead()
    {
        if (Interlocked.Exchange(ref _ending, 1) == 1)
        {
            return;
        }
        _dead = true;
        try
        {
            try
            {
                _process.WaitForExit(2000);
            }
            catch (InvalidOperationException)
            {
            }
            _pending.End(() => WorkerFailures.Crashed(_process.HasExited ? $"exit code {_process.ExitCode}" : "still running", _stderr.Reason()), _onCrash);
        }
        finally
        {
            _ended.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _dead = true;
        if (Interlocked.Exchange(ref _ending, 1) == 1)
        {
            await _ended.Task;
        }
        else
        {
            try
            {
                _process.StandardInput.Close();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        _writeLock.Dispose();
    }
}
