using Microsoft.AspNetCore.DataProtection;

namespace Flowgate.Runtime.Actions;

/// <summary>Encrypts Action secret values at rest; only the runtime, at execution, reads them back.</summary>
public sealed class ActionSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Flowgate.ActionSecrets.v1");

    public string Protect(string value) => _protector.Protect(value);

    public string Unprotect(string protectedValue) => _protector.Unprotect(protectedValue);
}
