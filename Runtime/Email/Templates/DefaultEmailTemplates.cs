namespace Flowgate.Runtime.Email.Templates;

/// <summary>The templates a tenant gets until it saves its own: short HTML in Liquid, using the same variables as Auth0's.</summary>
public static class DefaultEmailTemplates
{
    /// <summary>Auth0's default link lifetime for verification and password-change links: five days.</summary>
    public const int DefaultUrlLifetimeInSeconds = 432_000;

    public static EmailTemplate For(string name)
    {
        var (subject, body) = Text(name);
        return new EmailTemplate
        {
            Name = name,
            Subject = subject,
            Body = body,
            Enabled = name != EmailTemplateNames.WelcomeEmail, // a welcome mail is opt-in, as on Auth0
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };
    }

    private static (string Subject, string Body) Text(string name) => name switch
    {
        EmailTemplateNames.VerifyEmail => ("Verify your email",
            """
            <p>Hello {{ user.name }},</p>
            <p>Please confirm that {{ user.email }} is your e-mail address for {{ application.name }}.</p>
            <p><a href="{{ url }}">Verify my e-mail address</a></p>
            <p>If you did not create an account, ignore this message.</p>
            """),
        EmailTemplateNames.ResetEmail or "change_password" or "password_reset" => ("Reset your password",
            """
            <p>Hello {{ user.name }},</p>
            <p>Someone asked to reset the password of {{ user.email }}.</p>
            <p><a href="{{ url }}">Choose a new password</a></p>
            <p>If it was not you, ignore this message; your password stays as it is.</p>
            """),
        EmailTemplateNames.WelcomeEmail => ("Welcome to {{ application.name }}",
            """
            <p>Welcome, {{ user.name }}!</p>
            <p>Your account {{ user.email }} is ready.</p>
            """),
        EmailTemplateNames.MfaOobCode => ("Your verification code",
            """
            <p>Your verification code is <strong>{{ code }}</strong>.</p>
            <p>It expires in a few minutes. If you did not try to log in, change your password.</p>
            """),
        _ => ("{{ application.name }}", "<p>Hello {{ user.name }},</p>"),
    };
}
