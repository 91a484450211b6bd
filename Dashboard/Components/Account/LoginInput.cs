using System.ComponentModel.DataAnnotations;

namespace Flowgate.Dashboard.Components.Account;

internal sealed class LoginInput
{
    [Required]
    public string Email { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";
}
