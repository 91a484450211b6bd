using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>
/// One running worker process and its pipe. Requests are multiplexed by id; when the process
/// dies, every in-flight request fails as <c>platform_error</c> and the versions that were running
/// are reported, so the supervisor can count crashes and start a new worker.
/// </summary>
internal sealed class WorkerConnection : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<long, (TaskCompletionSource<ActionExecutionResult> Reply, string VersionId)> _pending = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly StringBuilder _stderrTail = new();
    private readonly Action<IReadOnlyCollection<string>> _onCrash;
    private readonly ConcurrentDictionary<string, bool> _versionsSent = new();
    private static readonly TimeSpan ReplySpin = TimeSpan.FromMilliseconds(0.3);
    private long _nextId;
    private volatile bool _dead;

    private WorkerConnection(Process process, Action<IReadOnlyCollection<string>> onCrash)
    {
        _process = process;
        _onCrash = onCrash;
    }

    public bool IsAlive => !_dead;

    public static async Task<WorkerConnection> StartAsync(SandboxWorkerOptions options, Action<IReadOnlyCollection<string>> onCrash, CancellationToken cancellationToken)
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
        var connection = new WorkerConnection(process, onCrash);
        process.ErrorDataReceived += (_, e) => connection.KeepStderr(e.Data);
        process.BeginErrorReadLine();
        await WorkerFraming.WriteAsync(process.StandardInput.BaseStream, options.Sandbox, cancellationToken);
        new Thread(connection.ReadReplies) { IsBackground = true, Name = "sandbox-worker-reader" }.Start();
        return connection;
    }

    public async Task<ActionExecutionResult> SendAsync(string kind, ActionExecutionRequest request, CancellationToken cancellationToken)
    {
        var codeOmitted = _versionsSent.ContainsKey(request.VersionId);
        var result = await SendOnceAsync(new WorkerRequest(0, kind, request, codeOmitted), cancellationToken);
        if (codeOmitted && result.Error?.Name == WorkerErrors.MissingCode)
        {
            _versionsSent.TryRemove(request.VersionId, out _);
            result = await SendOnceAsync(new WorkerRequest(0, kind, request), cancellationToken);
        }
        if (result.Error?.Class != ActionErrorClass.PlatformError)
        {
            _versionsSent.TryAdd(request.VersionId, true);
        }
        return result;
    }

    private async Task<ActionExecutionResult> SendOnceAsync(WorkerRequest message, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        // Continuations run on the reader thread: one thread wake-up less per execution. Callers'
        // continuations are short (they record the result), and a crash fails them off this thread.
        var reply = new TaskCompletionSource<ActionExecutionResult>();
        _pending[id] = (reply, message.Request.VersionId);
        if (_dead)
        {
            FailAll();
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
        catch (IOException)
        {
            MarkDead();
        }
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
                    PipeSpin.UntilReadable(fd, ReplySpin);
                }
                if (WorkerFraming.Read<WorkerReply>(stdout) is not { } reply)
                {
                    break;
                }
                if (_pending.TryRemove(reply.Id, out var pending))
                {
                    pending.Reply.TrySetResult(reply.Result);
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or ObjectDisposedException)
        {
            KeepStderr(e.Message);
        }
        MarkDead();
    }

    private void MarkDead()
    {
        if (_dead)
        {
            return;
        }
        _dead = true;
        try
        {
            _process.WaitForExit(2000);
        }
        catch (InvalidOperationException)
        {
        }
        var versions = _pending.Values.Select(p => p.VersionId).Distinct().ToList();
        FailAll();
        _onCrash(versions);
    }

    private void FailAll()
    {
        var exit = _process.HasExited ? $"exit code {_process.ExitCode}" : "still running";
        string detail;
        lock (_stderrTail)
        {
            detail = _stderrTail.ToString().Trim();
        }
        // V8's fatal line says why ("Fatal JavaScript out of memory: invalid table size"); GC traces around it do not.
        var fatal = detail.IndexOf("Fatal", StringComparison.Ordinal);
        if (fatal >= 0)
        {
            detail = detail[fatal..].Trim(' ', '#');
        }
        var message = $"The sandbox worker process ended while this Action ran ({exit}{(detail.Length > 0 ? ": " + detail : "")}). The worker was restarted.";
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Reply.TrySetResult(ActionExecutionResult.Failed(ActionErrorClass.PlatformError, "WorkerCrashError", message));
            }
        }
    }

    private void KeepStderr(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }
        lock (_stderrTail)
        {
            _stderrTail.Append(line.Trim()).Append(' ');
            if (_stderrTail.Length > 600)
            {
                _stderrTail.Remove(0, _stderrTail.Length - 600);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _dead = true;
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
        _process.Dispose();
        _writeLock.Dispose();
    }
}
