using System.ComponentModel.DataAnnotations;

namespace Flowgate.Dashboard.Components.Login.Mfa;

/// <summary>The phone number a user enrols, in E.164 form (checked by <see cref="Runtime.Mfa.PhoneCodes.Normalize"/>).</summary>
internal sealed class PhoneNumberInput
{
    [Required, StringLength(32)]
    public string PhoneNumber { get; set; } = "";
}
