using System.ComponentModel.DataAnnotations;

namespace Flowgate.Dashboard.Components.Pages.Settings;

/// <summary>What the password form posts.</summary>
internal sealed class PasswordChangeInput
{
    [Required]
    public string Current { get; set; } = "";

    [Required]
    public string New { get; set; } = "";

    [Required, Compare(nameof(New), ErrorMessage = "The passwords do not match.")]
    public string Confirm { get; set; } = "";
}
