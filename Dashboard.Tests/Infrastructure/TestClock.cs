namespace Flowgate.Tests.Infrastructure;

/// <summary>A clock the test moves: TOTP time steps and factor locks without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
