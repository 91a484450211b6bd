using System.ComponentModel.DataAnnotations;

namespace Flowgate.Dashboard.Components.Account;

/// <summary>A code typed at a factor step (authenticator app or recovery code).</summary>
internal sealed class CodeInput
{
    [Required]
    public string Code { get; set; } = "";
}
