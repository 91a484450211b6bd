namespace Flowgate.Tests;

public class SmokeTests
{
    [Fact]
    public void Builds() => Assert.Equal("post-login", Flowgate.Shared.Triggers.TriggerId.PostLogin);
}
