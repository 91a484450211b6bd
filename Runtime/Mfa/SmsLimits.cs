using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Mfa;

/// <summary>
/// Hourly sliding windows of phone codes sent per enrolment, user and tenant (<see cref="SmsOptions"/>). A code is
/// counted in all three or in none, under one lock. The windows live in this process: behind a load balancer each
/// instance allows its share, so the effective cap is the instance count times the setting.
/// </summary>
public sealed class SmsLimits(IOptions<SmsOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _sent = [];
    private readonly Lock _lock = new();

    /// <summary>Counts one code; returns null when it may go out, otherwise how long until one may.</summary>
    public TimeSpan? TryTake(string tenantId, string userId, string enrollmentId, DateTimeOffset now)
    {
        var limits = options.Value;
        (string Key, int Limit)[] windows =
        [
            ("tenant|" + tenantId, limits.PerTenantPerHour),
            ("user|" + tenantId + "|" + userId, limits.PerUserPerHour),
            ("enrollment|" + enrollmentId, limits.PerEnrollmentPerHour),
        ];
        lock (_lock)
        {
            if (_sent.Count > 10_000)
                Sweep(now);
            var wait = TimeSpan.Zero;
            foreach (var (key, limit) in windows)
            {
                var sent = Recent(key, now);
                if (sent.Count >= limit)
                    wait = TimeSpan.FromTicks(Math.Max(wait.Ticks, (sent.Peek() + Window - now).Ticks));
            }
            if (wait > TimeSpan.Zero)
                return wait;
            foreach (var (key, _) in windows)
                Recent(key, now).Enqueue(now);
            return null;
        }
    }

    private Queue<DateTimeOffset> Recent(string key, DateTimeOffset now)
    {
        if (!_sent.TryGetValue(key, out var sent))
            _sent[key] = sent = new Queue<DateTimeOffset>();
        while (sent.Count > 0 && sent.Peek() + Window <= now)
            sent.Dequeue();
        return sent;
    }

    // Users who stopped asking leave empty windows behind; drop them now and then.
    private void Sweep(DateTimeOffset now)
    {
        foreach (var key in _sent.Keys.ToList())
            if (Recent(key, now).Count == 0)
                _sent.Remove(key);
    }
}
