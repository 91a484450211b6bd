namespace Flowgate.Runtime.Email.Tickets;

/// <summary>What a ticket may do; a ticket of one purpose is refused by the other's page.</summary>
public static class EmailTicketPurpose
{
    public const string EmailVerification = "email_verification", PasswordChange = "password_change";
}
