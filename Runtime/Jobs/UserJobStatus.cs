namespace Flowgate.Runtime.Jobs;

/// <summary>Auth0's job states: queued, running, done, or stopped as a whole.</summary>
public static class UserJobStatus
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
