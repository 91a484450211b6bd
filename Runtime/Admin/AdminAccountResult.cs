namespace Flowgate.Runtime.Admin;

/// <summary>The outcome of creating an administrator: the account, or why not.</summary>
public sealed record AdminAccountResult(AdminAccount? Account, string? Error)
{
    public bool Succeeded => Account is not null;
    public static AdminAccountResult Ok(AdminAccount account) => new(account, null);
    public static AdminAccountResult Fail(string error) => new(null, error);
}
