using System.Text.Json.Nodes;
using Flowgate.Runtime.Branding;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Custom texts of the hosted pages in Auth0's shape: <c>GET</c> and <c>PUT /prompts/{prompt}/custom-text/{language}</c>
/// with <c>{"screen": {"key": "text"}}</c>. A PUT replaces the prompt's texts in that language; PromptTexts checks them.
/// </summary>
internal static class PromptTextEndpoints
{
    public static void MapPromptTexts(this RouteGroupBuilder api)
    {
        api.MapGet("/prompts/{prompt}/custom-text/{language}", GetAsync).RequireScope("read:prompts");
        api.MapPut("/prompts/{prompt}/custom-text/{language}", SetAsync).RequireScope("update:prompts");
    }

    private static async Task<IResult> GetAsync(string prompt, string language, PromptTexts texts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await texts.GetAsync(prompt, language, cancellationToken));

    private static async Task<IResult> SetAsync(string prompt, string language, JsonNode? body, PromptTexts texts, CancellationToken cancellationToken)
    {
        await texts.SetAsync(prompt, language, body, cancellationToken);
        return TypedResults.Ok(await texts.GetAsync(prompt, language, cancellationToken));
    }
}
