namespace Flowgate.Runtime.Actions;

/// <summary>Applies an editor's secrets and dependencies to a draft, with Auth0's limits.</summary>
internal sealed class ActionDraftWriter(ActionSecretProtector secrets, TimeProvider clock)
{
    /// <summary>Replaces the draft's secrets: listed names stay (new value when given), others are removed.</summary>
    public void ReplaceSecrets(ActionDefinition action, IReadOnlyList<SecretInput> inputs)
    {
        if (inputs.Count > ActionLimits.MaxSecrets)
            throw new OperationRejectedException(RejectionKind.Invalid, $"An Action can have at most {ActionLimits.MaxSecrets} secrets.");
        var duplicate = inputs.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new OperationRejectedException(RejectionKind.Invalid, $"The secret '{duplicate.Key}' is listed twice.");

        action.Secrets.RemoveAll(existing => inputs.All(i => i.Name != existing.Name));
        foreach (var input in inputs)
        {
            ValidateSecret(input);
            var existing = action.Secrets.FirstOrDefault(s => s.Name == input.Name);
            if (existing is null)
            {
                if (input.Value is null)
                    throw new OperationRejectedException(RejectionKind.Invalid, $"The new secret '{input.Name}' needs a value.");
                action.Secrets.Add(new ActionSecret { ActionId = action.Id, Name = input.Name, ProtectedValue = secrets.Protect(input.Value), UpdatedAt = clock.GetUtcNow() });
            }
            else if (input.Value is not null)
            {
                existing.ProtectedValue = secrets.Protect(input.Value);
                existing.UpdatedAt = clock.GetUtcNow();
            }
        }
    }

    /// <summary>Replaces the draft's dependencies; versions must already be pinned (see <see cref="DependencyInput"/>).</summary>
    public static void ReplaceDependencies(ActionDefinition action, IReadOnlyList<DependencyInput> inputs, IReadOnlyDictionary<string, string> pinned)
    {
        if (inputs.Count > ActionLimits.MaxDependencies)
            throw new OperationRejectedException(RejectionKind.Invalid, $"An Action can have at most {ActionLimits.MaxDependencies} dependencies.");
        action.Dependencies.Clear();
        foreach (var input in inputs)
            action.Dependencies.Add(new ActionDependency { ActionId = action.Id, Name = input.Name, Version = pinned[input.Name] });
    }

    /// <summary>Makes the draft's runtime, dependencies and secrets (values as deployed) those of <paramref name="version"/>; the code is the caller's.</summary>
    public static void CopyVersion(ActionDefinition action, ActionVersion version)
    {
        action.Runtime = version.Runtime;
        action.Dependencies.Clear();
        foreach (var dependency in VersionSnapshot.ReadDependencies(version.DependenciesJson))
            action.Dependencies.Add(new ActionDependency { ActionId = action.Id, Name = dependency.Name, Version = dependency.Version });
        var deployed = VersionSnapshot.ReadSecrets(version.SecretsJson);
        // Secrets with the same name are updated in place: a name is unique per Action.
        action.Secrets.RemoveAll(existing => deployed.All(s => s.Name != existing.Name));
        foreach (var secret in deployed)
        {
            if (action.Secrets.FirstOrDefault(s => s.Name == secret.Name) is { } existing)
                (existing.ProtectedValue, existing.UpdatedAt) = (secret.ProtectedValue, secret.UpdatedAt);
            else
                action.Secrets.Add(new ActionSecret { ActionId = action.Id, Name = secret.Name, ProtectedValue = secret.ProtectedValue, UpdatedAt = secret.UpdatedAt });
        }
    }

    private static void ValidateSecret(SecretInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > ActionLimits.MaxSecretNameLength)
            throw new OperationRejectedException(RejectionKind.Invalid, $"A secret name must be 1 to {ActionLimits.MaxSecretNameLength} characters.");
        if (input.Value?.Length > ActionLimits.MaxSecretValueLength)
            throw new OperationRejectedException(RejectionKind.Invalid, $"The secret '{input.Name}' is longer than {ActionLimits.MaxSecretValueLength} characters.");
    }
}
