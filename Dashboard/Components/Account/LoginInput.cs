using System.ComponentModel.DataAnnotations;

namespace Flowgate.Dashboard.Components.Account;

internal sealed class LoginInput
{
    [Required]
    public string Email { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";

    /// <summary>Signup's username, asked only when the database connection requires usernames.</summary>
    public string? Username { get; set; }
}
