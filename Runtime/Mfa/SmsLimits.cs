using Flowgate.Runtime.Limits;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Mfa;

/// <summary>
/// Hourly windows of phone codes sent per enrolment, user and tenant (<see cref="SmsOptions"/>), counted in the database
/// so the caps hold over every instance. A code is counted in all three or in none: a refusal gives back what the
/// narrower windows already took, so a capped enrolment cannot spend its user's or tenant's codes.
/// </summary>
public sealed class SmsLimits(RateLimitCounters counters, IOptions<SmsOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Counts one code; returns null when it may go out, otherwise how long until one may.</summary>
    public async Task<TimeSpan?> TryTakeAsync(string tenantId, string userId, string enrollmentId, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        (RateLimit Limit, string Partition)[] windows =
        [
            (new RateLimit("sms-enrolment", limits.PerEnrollmentPerHour, Window), enrollmentId),
            (new RateLimit("sms-user", limits.PerUserPerHour, Window), tenantId + "|" + userId),
            (new RateLimit("sms-tenant", limits.PerTenantPerHour, Window), tenantId),
        ];
        var taken = new List<RateLimitDecision>();
        foreach (var (limit, partition) in windows)
        {
            var hit = await counters.TryHitAsync(limit, partition, cancellationToken);
            if (!hit.Allowed)
            {
                foreach (var given in taken)
                    await counters.ReleaseAsync(given, CancellationToken.None);
                return hit.RetryAfter;
            }
            taken.Add(hit);
        }
        return null;
    }
}
