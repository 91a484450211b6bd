namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>How the watchdog ends a worker: the backstop for silent overdue requests, and the worker's own stuck report.</summary>
internal sealed partial class WorkerConnection
{
    /// <summary>
    /// Ends the worker when a request went unanswered far past its deadline and the worker answers nothing else
    /// (the backstop; see <see cref="PendingRequests.MarkOverdue(long, long)"/>). Returns true when it killed the worker.
    /// </summary>
    public bool KillIfOverdue(long now)
    {
        if (_dead || _pending.IsEmpty || !_pending.MarkOverdue(now, now - Volatile.Read(ref _lastReply)))
        {
            return false;
        }
        Kill();
        return true;
    }

    // The worker reported this request still inside V8 past its deadline plus grace: V8 did not honour the
    // interrupt (some builtins, e.g. sorting a huge sparse array, never check it), so its thread and isolate are lost.
    private void KillForStuck(WorkerReply report)
    {
        _pending.MarkOverdue(report.Id, report);
        Kill();
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone: the reader sees the pipe close either way.
        }
    }
}
