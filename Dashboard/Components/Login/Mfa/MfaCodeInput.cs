using System.ComponentModel.DataAnnotations;

namespace Flowgate.Dashboard.Components.Login.Mfa;

/// <summary>The code a user types on a factor page, and whether to remember this browser.</summary>
internal sealed class MfaCodeInput
{
    [Required, StringLength(64)]
    public string Code { get; set; } = "";

    public bool RememberBrowser { get; set; }
}
