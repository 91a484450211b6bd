using System.Text.Json.Nodes;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Tenancy;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// The tenant's <see cref="PasswordPolicy"/>, kept in its settings as
/// <c>{"password_policy": {"policy": "good", "min_length": 10}}</c>. The database connection's
/// <c>options.passwordPolicy</c> and <c>options.password_complexity_options.min_length</c> read and write this.
/// </summary>
public sealed class PasswordPolicyStore(TenantSettingsSection settings, ILogger<PasswordPolicyStore> logger)
{
    private const string Section = "password_policy";

    public async Task<PasswordPolicy> GetAsync(CancellationToken cancellationToken)
    {
        var json = await settings.ReadAsync(Section, cancellationToken);
        if (json?["policy"] is not JsonValue level || !level.TryGetValue<string>(out var name))
            return PasswordPolicy.Default;
        return new(name, json["min_length"] is JsonValue min && min.TryGetValue<int>(out var length) ? length : null);
    }

    public async Task SetAsync(PasswordPolicy policy, CancellationToken cancellationToken)
    {
        if (policy.Problem() is { } problem)
            throw new OperationRejectedException(RejectionKind.Invalid, problem);
        var json = new JsonObject { ["policy"] = policy.Level };
        if (policy.MinLength is { } length)
            json["min_length"] = length;
        await settings.WriteAsync(Section, json, cancellationToken);
        logger.LogInformation("Password policy set to {Level}, minimum length {MinLength}", policy.Level, policy.EffectiveMinLength);
    }
}
