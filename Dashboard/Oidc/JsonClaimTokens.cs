using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// Claims whose JSON the token library would change: it writes a JSON null as <c>""</c>, and reads an array back as one
/// claim per element, so an array of one came out of an authorization code as a string and an empty one vanished.
/// In access and ID tokens they are written as JSON; in codes and refresh tokens (which come back to this server)
/// they travel together in one private object claim and are restored, with their destinations, when read.
/// </summary>
internal static class JsonClaimTokens
{
    // Private (oi_): never set by an Action (ActionClaims refuses the prefix) and never in a token an application reads.
    private const string Carrier = "oi_fg_json";

    public static OpenIddictServerHandlerDescriptor Writing { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseInlineHandler(WriteAsync)
            // After the subject and metadata are attached to the descriptor, before the token is written from it.
            .SetOrder(OpenIddictServerHandlers.Protection.GenerateIdentityModelToken.Descriptor.Order - 1)
            .Build();

    public static OpenIddictServerHandlerDescriptor Reading { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseInlineHandler(ReadAsync)
            // Right after the token became a principal, before anything looks at its claims.
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order + 1)
            .Build();

    private static ValueTask WriteAsync(GenerateTokenContext context)
    {
        var descriptor = context.SecurityTokenDescriptor;
        if (descriptor.Subject is not { } subject || subject.Claims.Where(JsonClaims.NeedsJson).ToList() is not { Count: > 0 } claims)
            return ValueTask.CompletedTask;
        foreach (var claim in claims)
            subject.RemoveClaim(claim);
        descriptor.Claims ??= new Dictionary<string, object>(StringComparer.Ordinal);
        if (context.TokenType is TokenTypeIdentifiers.AccessToken or TokenTypeIdentifiers.IdentityToken)
        {
            foreach (var claim in claims)
                descriptor.Claims[claim.Type] = JsonClaims.Value(claim)!;
            return ValueTask.CompletedTask;
        }
        var carried = new JsonObject();
        foreach (var claim in claims)
            carried[claim.Type] = new JsonObject
            {
                ["value"] = JsonSerializer.SerializeToNode(JsonClaims.Value(claim)),
                ["destinations"] = JsonSerializer.SerializeToNode(claim.GetDestinations()),
            };
        descriptor.Claims[Carrier] = JsonSerializer.SerializeToElement(carried);
        return ValueTask.CompletedTask;
    }

    private static ValueTask ReadAsync(ValidateTokenContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(Carrier) is not { } carrier)
            return ValueTask.CompletedTask;
        identity.RemoveClaim(carrier);
        using var carried = JsonDocument.Parse(carrier.Value);
        foreach (var entry in carried.RootElement.EnumerateObject())
        {
            var claim = JsonClaims.Create(entry.Name, entry.Value.GetProperty("value"));
            claim.SetDestinations(entry.Value.GetProperty("destinations").EnumerateArray().Select(d => d.GetString()!));
            identity.AddClaim(claim);
        }
        return ValueTask.CompletedTask;
    }
}
