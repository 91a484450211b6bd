namespace Flowgate.Runtime.Email;

/// <summary>The <c>Email</c> section: the sender and the SMTP server. Without <c>Smtp:Host</c>, mail goes to the development outbox.</summary>
public sealed class EmailOptions
{
    public string From { get; set; } = "Flowgate <no-reply@localhost>";

    /// <summary>
    /// Where mail for the tenant's administrators goes (an import job's completion mail, Auth0's
    /// <c>send_completion_email</c>); unset, such mail is not sent and the job's log says so.
    /// </summary>
    public string? AdminAddress { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;

        /// <summary>STARTTLS on the submission port (587); false only for a local relay.</summary>
        public bool UseStartTls { get; set; } = true;
        public string? User { get; set; }

        /// <summary>From configuration or the environment (<c>Email__Smtp__Password</c>), never from the repository.</summary>
        public string? Password { get; set; }
    }
}
