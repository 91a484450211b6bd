using System.Diagnostics;
using System.Security.Cryptography;

namespace Flowgate.Bench;

/// <summary>
/// Keeps the machine about as busy as a login server under load while the sandbox table is measured (<c>--busy</c>):
/// one thread per core hashing passwords (the work a login server's request threads do) for <see cref="Busy"/> out of
/// every <see cref="Period"/>, so the cores are contended but never saturated. Every row of the table (Flowgate, Jint,
/// Node) runs under the same load, so their ratios stay comparable; the worker pipe's spin-waits must now compete for
/// the cores, as they do in a real server.
/// </summary>
internal sealed class BackgroundLoad : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(4);
    private static readonly TimeSpan Busy = TimeSpan.FromMilliseconds(2);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Thread> _threads = [];

    public BackgroundLoad(int threads)
    {
        for (var i = 0; i < threads; i++)
        {
            var thread = new Thread(Run) { IsBackground = true, Name = "bench-background-load" };
            thread.Start();
            _threads.Add(thread);
        }
    }

    private void Run()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        while (!_stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(started) < Busy)
                Rfc2898DeriveBytes.Pbkdf2("correct horse battery staple"u8, salt, 200, HashAlgorithmName.SHA512, 32);
            var rest = Period - Stopwatch.GetElapsedTime(started);
            if (rest > TimeSpan.Zero)
                Thread.Sleep(rest);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var thread in _threads)
            thread.Join();
        _stop.Dispose();
    }
}
