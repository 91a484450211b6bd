using Flowgate.Shared.Triggers;
using static Flowgate.Runtime.Triggers.ApiMethods;

namespace Flowgate.Runtime.Triggers;

/// <summary>password-reset-post-challenge (v1): after the first reset challenge, before the reset (reference §1.8).</summary>
internal static class PasswordResetPostChallengeTrigger
{
    private static readonly HashSet<string> Shared =
        ["access.deny", "authentication.challengeWith", "authentication.challengeWithAny", "redirect.sendUserTo",
         "redirect.encodeToken", "redirect.validateToken", "prompt.render", "cache.get", "cache.set", "cache.delete"];

    public static TriggerDefinition Definition { get; } = new()
    {
        Id = TriggerId.PasswordResetPostChallenge,
        Version = "v1",
        DisplayName = "Password Reset / Post Challenge",
        ExecuteHandler = "onExecutePostChallenge",
        ContinueHandler = "onContinuePostChallenge",
        Blocking = true,
        ApiTypeName = "PostChallengeAPI",
        EventFields =
        [
            EventFields.User(), new("authentication", "Authentication", "How the user authenticated."), EventFields.Authorization,
            EventFields.Client, EventFields.Connection, EventFields.Organization, EventFields.Prompt, EventFields.Request,
            EventFields.Stats, EventFields.Tenant, EventFields.Transaction(optional: false), EventFields.Secrets,
        ],
        Api =
        [
            .. PostLoginApi.Methods.Where(m => Shared.Contains(m.Path)),
            Call("transaction.setResultUrl", "Send the user to this URL once the password is reset.", "void",
                Param("url", "string", "The result URL."), Optional("options", "{ query?: Record<string, string> }", "Query parameters to add.")),
        ],
    };
}
