using System.ComponentModel.DataAnnotations;

namespace Flowgate.Dashboard.Components.Account;

internal sealed class SetupInput
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";

    [Required, Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>The one-time setup token, when the installation asks for one.</summary>
    public string? SetupToken { get; set; }
}
