namespace Flowgate.Runtime.Email;

/// <summary>One e-mail to an end user (password reset, verification): plain text, and HTML when a template rendered it.</summary>
public sealed record EmailMessage(string To, string Subject, string Body)
{
    /// <summary>The HTML alternative (from an e-mail template), or null for a text-only mail.</summary>
    public string? Html { get; init; }

    /// <summary>The template's sender, or null for the configured <c>Email:From</c>.</summary>
    public string? From { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
