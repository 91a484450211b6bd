namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>
/// Serves the request pipe with as few thread hand-offs as possible: the thread that reads a
/// request runs it inline (a warm execution never leaves the thread that V8 is hot on) and spins
/// briefly for the next one before blocking. If a request is still running inline after
/// <see cref="HandOffAfter"/> (an Action spinning towards its deadline), another thread takes
/// over the pipe, so no Action can hold up the other tenants; the surplus thread leaves later.
/// A request that awaits (fetch) returns its thread at the first await.
/// </summary>
internal sealed class RequestLoop(Stream stdin, int stdinDescriptor, Func<WorkerRequest, Task> serve, CancellationToken cancellationToken)
{
    private static readonly TimeSpan HandOffAfter = TimeSpan.FromMilliseconds(5);
    private const int MaxThreads = 64;

    private readonly Lock _pipe = new();
    // Used under _pipe only.
    private readonly PipeSpin _spinForNext = new(TimeSpan.FromMilliseconds(0.5));
    private readonly List<Task> _running = [];
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _threads;
    private int _waiting;
    private bool _end;

    /// <summary>Starts the first thread and completes when the pipe closes.</summary>
    public Task Run()
    {
        AddThread();
        return _ended.Task;
    }

    /// <summary>Waits for the requests still running after the pipe closed.</summary>
    public Task DrainAsync()
    {
        lock (_running)
        {
            return Task.WhenAll(_running);
        }
    }

    private void AddThread()
    {
        if (Interlocked.Increment(ref _threads) > MaxThreads)
        {
            Interlocked.Decrement(ref _threads);
            return;
        }
        new Thread(Serve) { IsBackground = true, Name = "sandbox-worker-requests" }.Start();
    }

    private void HandOff()
    {
        if (Volatile.Read(ref _waiting) == 0)
        {
            AddThread();
        }
    }

    private void Serve()
    {
        while (Read() is { } request)
        {
            Task serving;
            using (new Timer(_ => HandOff(), null, HandOffAfter, Timeout.InfiniteTimeSpan))
            {
                serving = serve(request);
            }
            if (!serving.IsCompleted)
            {
                Track(serving);
            }
            // Another thread took the pipe while this one was busy: one reader is enough.
            if (Volatile.Read(ref _waiting) > 0)
            {
                Interlocked.Decrement(ref _threads);
                return;
            }
        }
        _ended.TrySetResult();
    }

    private WorkerRequest? Read()
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            lock (_pipe)
            {
                if (_end || cancellationToken.IsCancellationRequested)
                {
                    return null;
                }
                if (stdinDescriptor >= 0)
                {
                    _spinForNext.UntilReadable(stdinDescriptor);
                }
                var request = RequestFraming.Read(stdin);
                _end = request is null;
                return request;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private void Track(Task serving)
    {
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(serving);
        }
    }
}
