namespace Flowgate.Runtime.Email;

/// <summary>
/// Where e-mail goes while no SMTP server is configured: kept in memory (the last
/// <see cref="Capacity"/> messages) and shown in the dashboard, so a developer can follow reset links.
/// </summary>
public sealed class DevelopmentOutbox : IEmailDelivery
{
    public const int Capacity = 200;
    private readonly LinkedList<EmailMessage> _messages = new();

    /// <summary>Newest first.</summary>
    public IReadOnlyList<EmailMessage> Messages
    {
        get
        {
            lock (_messages)
                return [.. _messages];
        }
    }

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        lock (_messages)
        {
            _messages.AddFirst(message);
            if (_messages.Count > Capacity)
                _messages.RemoveLast();
        }
        return Task.CompletedTask;
    }
}
