namespace Flowgate.Runtime.Email;

/// <summary>One e-mail to an end user (password reset, verification), in plain text.</summary>
public sealed record EmailMessage(string To, string Subject, string Body)
{
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
