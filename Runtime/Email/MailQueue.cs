using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Email;

/// <summary>
/// SMTP delivery in the background: the request that asked for a reset link answers as fast whether or not the
/// address has an account (a seconds-long SMTP exchange would tell), and a slow mail server never holds a page.
/// </summary>
internal sealed class MailQueue(SmtpEmailDelivery smtp, ILogger<MailQueue> logger) : BackgroundService, IEmailDelivery
{
    // Bounded: a flood of reset requests drops mail rather than memory.
    private readonly Channel<EmailMessage> _queue = Channel.CreateBounded<EmailMessage>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (!_queue.Writer.TryWrite(message))
            logger.LogWarning("Mail queue full: a message was dropped");
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await smtp.SendAsync(message, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Mail could not be sent through SMTP");
            }
        }
    }
}
