namespace Flowgate.Runtime.Email;

/// <summary>Delivers e-mail: through SMTP when configured, otherwise to the development outbox.</summary>
public interface IEmailDelivery
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
