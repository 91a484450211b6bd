namespace Flowgate.Runtime.Triggers;

/// <summary>Every trigger Flowgate runs: the single source of truth for api objects, type declarations and sample events.</summary>
public static class TriggerCatalog
{
    /// <summary>All triggers, in the dashboard's order.</summary>
    public static IReadOnlyList<TriggerDefinition> All { get; } =
    [
        PostLoginTrigger.Definition,
        CredentialsExchangeTrigger.Definition,
        PreUserRegistrationTrigger.Definition,
        PostUserRegistrationTrigger.Definition,
        PostChangePasswordTrigger.Definition,
        SendPhoneMessageTrigger.Definition,
        PasswordResetPostChallengeTrigger.Definition,
        LoginPostIdentifierTrigger.Definition,
    ];

    private static readonly Dictionary<string, TriggerDefinition> ById = All.ToDictionary(t => t.Id);

    /// <summary>The trigger with this id, or null when Flowgate does not run it.</summary>
    public static TriggerDefinition? Find(string triggerId) => ById.GetValueOrDefault(triggerId);

    /// <summary>The trigger with this id; throws for an unknown id.</summary>
    public static TriggerDefinition Get(string triggerId) =>
        Find(triggerId) ?? throw new ArgumentException($"Unknown trigger '{triggerId}'.", nameof(triggerId));
}
