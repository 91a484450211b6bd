using System.ComponentModel.DataAnnotations;

namespace Flowgate.Dashboard.Components.Account;

/// <summary>The first code of a new authenticator app, with its key as the page protected it.</summary>
internal sealed class OtpEnrolmentInput
{
    public string ProtectedKey { get; set; } = "";

    [Required]
    public string Code { get; set; } = "";
}
