using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// Issues a client_credentials access token without a token entry in the database. Such a token is a signed JWT that
/// every API (the Management API included) validates from the keys alone, and nothing reads its entry: no
/// introspection or revocation endpoint is served, and a machine-to-machine token has no user session to end.
/// Measured here, that one INSERT per grant was where concurrent token requests waited for SQLite's write lock
/// (and it grew the table by one row per token, never pruned). Tokens of users keep their entries.
/// </summary>
internal sealed class MachineAccessTokenEntries : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseSingletonHandler<MachineAccessTokenEntries>()
        .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order - 1_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        // A reference token lives only in its entry; Flowgate issues none, but such a token must keep it.
        if (context.TokenType == OpenIddictConstants.TokenTypeIdentifiers.AccessToken && !context.IsReferenceToken
            && context.Request?.IsClientCredentialsGrantType() == true)
            context.CreateTokenEntry = false;
        return ValueTask.CompletedTask;
    }
}
