using System.Text.Json;
using Flowgate.Runtime.Triggers;
using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Flows;

/// <summary>
/// Applies one Action's commands to the merged outcome and to the event later Actions receive (metadata writes
/// become visible in <c>event.user</c>; transaction metadata is shared). Each effect is keyed by an api method of the
/// trigger catalog; a recording method without an effect must be declared <see cref="RecordedOnly"/> with its reason,
/// and a key the catalog does not know fails this type's initialisation: a method renamed in the catalog can no
/// longer lose its effect silently.
/// </summary>
internal static partial class CommandEffects
{
    /// <summary>What the commands mean for the rest of the chain.</summary>
    public enum Next { Continue, Stop, Suspend }

    private delegate Next Effect(CommandArgs args, FlowOutcome outcome, FlowEvent flowEvent);

    /// <summary>The methods whose commands change the login, by catalog path.</summary>
    private static readonly Dictionary<string, Effect> Effects = new()
    {
        ["access.deny"] = Deny,
        ["session.revoke"] = Revoke,
        ["refreshToken.revoke"] = Revoke,
        ["validation.error"] = (a, o, _) => { o.ValidationError = new ValidationFailure(a.Text(0) ?? "", a.Text(1) ?? ""); return Next.Stop; },
        ["idToken.setCustomClaim"] = (a, o, _) => Continue(a.Text(0) is { } name ? o.IdTokenClaims[name] = a.Arg(1) : default),
        ["accessToken.setCustomClaim"] = (a, o, _) => Continue(a.Text(0) is { } name ? o.AccessTokenClaims[name] = a.Arg(1) : default),
        ["transaction.setTargetScopes"] = (a, o, _) => Continue(o.TargetScopes = a.Strings(0)),
        ["transaction.clearTargetScopes"] = (_, o, _) => Continue(o.TargetScopes = []),
        ["transaction.addTargetScope"] = AddTargetScope,
        ["transaction.removeTargetScope"] = RemoveTargetScope,
        ["accessToken.addScope"] = (a, o, _) => Continue(AddScope(o, a.Text(0))),
        ["accessToken.removeScope"] = (a, o, _) => Continue(RemoveScope(o, a.Text(0))),
        ["multifactor.enable"] = EnableMultifactor,
        ["authentication.challengeWith"] = RequireFactors,
        ["authentication.challengeWithAny"] = RequireFactors,
        ["authentication.enrollWith"] = RequireFactors,
        ["authentication.enrollWithAny"] = RequireFactors,
        ["redirect.sendUserTo"] = (a, o, _) => a.Text(0) is { } url ? Suspend(o.RedirectUrl = RedirectQuery.Append(url, a.Arg(1))) : Next.Continue,
        ["transaction.setResultUrl"] = (a, o, _) => Continue(a.Text(0) is { } url ? o.ResultUrl = RedirectQuery.Append(url, a.Arg(1)) : null),
        ["prompt.render"] = (a, o, _) => Suspend(o.PromptId = a.Text(0)),
        ["user.setUserMetadata"] = (a, o, e) => Continue(a.Text(0) is { } key ? MetadataWrites.User(o.UserMetadata, e.Change(), "user_metadata", key, a.Arg(1)) : false),
        ["user.setAppMetadata"] = (a, o, e) => Continue(a.Text(0) is { } key ? MetadataWrites.User(o.AppMetadata, e.Change(), "app_metadata", key, a.Arg(1)) : false),
        ["transaction.setMetadata"] = (a, o, e) => Continue(a.Text(0) is { } key ? MetadataWrites.Transaction(o, e.Change(), key, a.Arg(1)) : false),
        ["authentication.setPrimaryUser"] = (a, o, _) => Continue(o.PrimaryUserId = a.Text(0)),
        ["authentication.recordMethod"] = (a, o, _) => Continue(a.Text(0) is { } method ? Add(o.RecordedMethods, method) : false),
        ["authentication.setConnectionByName"] = (a, o, _) => Continue(o.Connection = a.Text(0)),
        ["setConnection"] = (a, o, _) => Continue(o.Connection = a.Text(0)),
    };

    static CommandEffects()
    {
        var recording = TriggerCatalog.All.SelectMany(t => t.Api).Where(m => m.Records).Select(m => m.Path).ToHashSet();
        var unknown = Effects.Keys.Concat(RecordedOnly.Keys).Where(path => !recording.Contains(path)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Command effects name api methods the trigger catalog does not record: {string.Join(", ", unknown)}.");
    }

    /// <summary>The catalog paths that have an effect.</summary>
    public static IEnumerable<string> Applied => Effects.Keys;

    public static Next Apply(IReadOnlyList<ActionCommand> commands, FlowOutcome outcome, FlowEvent flowEvent)
    {
        var next = Next.Continue;
        foreach (var command in commands)
        {
            if (!Effects.TryGetValue(command.Method, out var effect))
                continue;
            var args = new CommandArgs(command.Method, command.Args);
            var step = effect(args, outcome, flowEvent);
            // A stop wins; the later commands of the same Action still count (metadata is written even on a deny).
            next = step == Next.Stop || next == Next.Stop ? Next.Stop : step == Next.Suspend ? Next.Suspend : next;
        }
        return next;
    }

    private static Next Continue<T>(T _) => Next.Continue;

    private static Next Suspend<T>(T _) => Next.Suspend;

    private static Next Deny(CommandArgs a, FlowOutcome o, FlowEvent e)
    {
        o.Denied = true;
        // Credentials exchange's deny(code, reason) has no user: its reason is the second argument.
        (o.DenyReason, o.DenyDetail) = a.Count >= 2 && e.Read()["user"] is null ? (a.Text(1), a.Text(0)) : (a.Text(0), a.Text(1));
        return Next.Stop;
    }

    private static Next Revoke(CommandArgs a, FlowOutcome o, FlowEvent e)
    {
        o.Denied = true;
        o.DenyReason = a.Text(0);
        return Next.Stop;
    }

    // With target scopes set (credentials exchange), the list changes; otherwise the scope is added like addScope.
    private static Next AddTargetScope(CommandArgs a, FlowOutcome o, FlowEvent e) =>
        Continue(a.Text(0) is { } scope && o.TargetScopes is { } targets ? Add(targets, scope) : AddScope(o, a.Text(0)));

    private static Next RemoveTargetScope(CommandArgs a, FlowOutcome o, FlowEvent e) =>
        Continue(a.Text(0) is { } scope && o.TargetScopes is { } targets ? targets.Remove(scope) : RemoveScope(o, a.Text(0)));

    private static bool AddScope(FlowOutcome o, string? scope)
    {
        if (scope is null)
            return false;
        o.ScopesRemoved.Remove(scope);
        return Add(o.ScopesAdded, scope);
    }

    private static bool RemoveScope(FlowOutcome o, string? scope)
    {
        if (scope is null)
            return false;
        o.ScopesAdded.Remove(scope);
        return Add(o.ScopesRemoved, scope);
    }

    private static bool Add(List<string> list, string value)
    {
        if (!list.Contains(value))
            list.Add(value);
        return true;
    }

    private static Next EnableMultifactor(CommandArgs a, FlowOutcome o, FlowEvent e)
    {
        o.MultifactorProvider = a.Text(0);
        o.AllowRememberBrowser = a.Arg(1) is { ValueKind: JsonValueKind.Object } options
            && options.TryGetProperty("allowRememberBrowser", out var remember) && remember.ValueKind == JsonValueKind.True;
        return Next.Continue;
    }

    private static Next RequireFactors(CommandArgs a, FlowOutcome o, FlowEvent e)
    {
        o.Factors = new FactorRequirement(a.Method, a.Raw.Clone());
        return Next.Suspend;
    }
}
