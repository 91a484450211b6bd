using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Branding;

/// <summary>
/// The tenant's custom texts per prompt and language (Auth0's <c>/prompts/{prompt}/custom-text/{language}</c>): a PUT
/// replaces the prompt's texts in that language; an empty object removes them.
/// </summary>
public sealed partial class PromptTexts(
    IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, HostedPageReads recent, TimeProvider clock, ILogger<PromptTexts> logger)
{
    /// <summary>The longest text a key may hold, and the most a prompt may hold in one language, in characters.</summary>
    public const int MaxTextLength = 2048, MaxPromptLength = 65536;

    /// <summary>The texts set for <paramref name="prompt"/> in <paramref name="language"/>; empty when none.</summary>
    public async Task<JsonObject> GetAsync(string prompt, string language, CancellationToken cancellationToken)
    {
        CheckPath(prompt, language);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.PromptCustomTexts.AsNoTracking()
            .Where(t => t.TenantId == tenant.Id && t.Prompt == prompt && t.Language == language)
            .Select(t => t.TextJson).SingleOrDefaultAsync(cancellationToken);
        return json is null ? [] : JsonNode.Parse(json)!.AsObject();
    }

    /// <summary>Replaces the texts for <paramref name="prompt"/> in <paramref name="language"/> with <paramref name="texts"/>.</summary>
    public async Task SetAsync(string prompt, string language, JsonNode? texts, CancellationToken cancellationToken)
    {
        CheckPath(prompt, language);
        if (BodyProblem(texts) is { } problem)
            throw new OperationRejectedException(RejectionKind.Invalid, problem);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.PromptCustomTexts.SingleOrDefaultAsync(t => t.TenantId == tenant.Id && t.Prompt == prompt && t.Language == language, cancellationToken);
        var screens = texts!.AsObject();
        if (screens.Count == 0)
        {
            if (row is not null)
                db.PromptCustomTexts.Remove(row);
        }
        else if (row is null)
            db.PromptCustomTexts.Add(new() { TenantId = tenant.Id, Prompt = prompt, Language = language, TextJson = screens.ToJsonString(), UpdatedAt = clock.GetUtcNow() });
        else
        {
            row.TextJson = screens.ToJsonString();
            row.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        recent.Forget();
        logger.LogInformation("Custom text for prompt {Prompt} in {Language} set", prompt, language);
    }

    /// <summary>
    /// The texts of <paramref name="prompt"/>'s <paramref name="screen"/> set in any of <paramref name="languages"/>, in
    /// that order of preference (the hosted pages take each key from the first language that has it). Read for a hosted
    /// page: the prompt's texts in every language as read at most <see cref="HostedPageReads.Lifetime"/> ago.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> ForLanguagesAsync(string prompt, string screen, IReadOnlyList<string> languages, CancellationToken cancellationToken)
    {
        // Keyed by the prompt only (a page's constant), not by the request's languages: those are the browser's choice.
        var rows = await recent.GetAsync(tenant.Id, "texts:" + prompt, () => AllLanguagesAsync(prompt, cancellationToken));
        return [.. languages.Select(language => rows.GetValueOrDefault(language))
            .OfType<string>()
            .Select(json => JsonNode.Parse(json)?[screen] as JsonObject)
            .OfType<JsonObject>()];
    }

    private async Task<IReadOnlyDictionary<string, string>> AllLanguagesAsync(string prompt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PromptCustomTexts.AsNoTracking()
            .Where(t => t.TenantId == tenant.Id && t.Prompt == prompt)
            .ToDictionaryAsync(t => t.Language, t => t.TextJson, cancellationToken);
    }

    /// <summary>The languages that have texts for <paramref name="prompt"/>.</summary>
    public async Task<IReadOnlyList<string>> LanguagesAsync(string prompt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PromptCustomTexts.AsNoTracking().Where(t => t.TenantId == tenant.Id && t.Prompt == prompt)
            .OrderBy(t => t.Language).Select(t => t.Language).ToListAsync(cancellationToken);
    }

    private static void CheckPath(string prompt, string language)
    {
        if (!PromptCatalog.Prompts.Contains(prompt))
            throw new OperationRejectedException(RejectionKind.Invalid, $"Unknown prompt '{Shorten(prompt)}'.");
        if (!LanguageTag().IsMatch(language))
            throw new OperationRejectedException(RejectionKind.Invalid, $"'{Shorten(language)}' is not a language tag such as en, fr or fr-CA.");
    }

    // Auth0's shape, {"screen": {"key": "text"}}, with sizes bounded: the texts are read on every hosted page.
    private static string? BodyProblem(JsonNode? texts)
    {
        if (texts is not JsonObject screens)
            return "The body must be an object of screens, each an object of texts: {\"login\": {\"title\": \"...\"}}.";
        if (screens.ToJsonString().Length > MaxPromptLength)
            return $"The texts of one prompt in one language must be at most {MaxPromptLength} characters of JSON.";
        foreach (var (screen, keys) in screens)
        {
            if (!Key().IsMatch(screen))
                return $"'{Shorten(screen)}' is not a screen name.";
            if (keys is not JsonObject entries)
                return $"Screen '{screen}' must be an object of texts.";
            foreach (var (key, text) in entries)
            {
                if (!Key().IsMatch(key))
                    return $"'{Shorten(key)}' in screen '{screen}' is not a text key.";
                if (text is not JsonValue value || !value.TryGetValue<string>(out var s))
                    return $"'{screen}.{key}' must be a string.";
                if (s.Length > MaxTextLength)
                    return $"'{screen}.{key}' must be at most {MaxTextLength} characters.";
            }
        }
        return null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Key();
}
