using Flowgate.Dashboard.Connections;
using Flowgate.Runtime.Connections;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// <c>/api/v2/connections</c>: the database connection and the upstream providers, in Auth0's shape. A client secret
/// is only ever shown masked. A write refreshes this instance's login schemes at once; other instances follow within
/// <see cref="ConnectionSchemes.MaxAge"/>.
/// </summary>
internal static class ConnectionEndpoints
{
    public static void MapConnections(this RouteGroupBuilder api)
    {
        var connections = api.MapGroup("/connections");
        connections.MapGet("/", ListAsync).RequireScope("read:connections");
        connections.MapPost("/", CreateAsync).RequireScope("create:connections");
        connections.MapGet("/{id}", GetAsync).RequireScope("read:connections");
        connections.MapPatch("/{id}", UpdateAsync).RequireScope("update:connections");
        connections.MapDelete("/{id}", DeleteAsync).RequireScope("delete:connections");
        connections.MapGet("/{id}/clients", ClientsAsync).RequireScope("read:connections");
        connections.MapPatch("/{id}/clients", SetClientsAsync).RequireScope("update:connections");
    }

    private static async Task<IResult> ListAsync(HttpContext context, string? name, int? page, int? per_page, bool? include_totals, string? from, int? take,
        ConnectionService service, CancellationToken cancellationToken)
    {
        // strategy may repeat (?strategy=oidc&strategy=auth0), as Auth0's SDKs send an array.
        var strategies = context.Request.Query["strategy"].SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var all = await service.ListAsync(strategies, name, cancellationToken);
        if (from is not null || take is not null)
            return ManagementPaging.Checkpoint(all, from, take, "connections", c => c.Id, Json);
        return ManagementPaging.Result(ManagementPaging.Page(all, page, per_page), "connections", include_totals, Json);
    }

    private static async Task<IResult> CreateAsync(ConnectionBody body, ConnectionService service, ConnectionSchemes schemes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Name) || string.IsNullOrWhiteSpace(body.Strategy))
            return ManagementError.Result(400, "Payload validation error: 'name' and 'strategy' are required.", "invalid_body");
        var created = await service.CreateAsync(Settings(body), cancellationToken);
        await schemes.RefreshAsync(force: true, cancellationToken);
        return TypedResults.Created($"/api/v2/connections/{created.Id}", Json(created));
    }

    private static async Task<IResult> GetAsync(string id, ConnectionService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(Json(await service.GetAsync(id, cancellationToken)));

    private static async Task<IResult> UpdateAsync(string id, ConnectionBody body, ConnectionService service, ConnectionSchemes schemes, CancellationToken cancellationToken)
    {
        var updated = await service.UpdateAsync(id, Settings(body), cancellationToken);
        await schemes.RefreshAsync(force: true, cancellationToken);
        return TypedResults.Ok(Json(updated));
    }

    private static async Task<IResult> DeleteAsync(string id, ConnectionService service, ConnectionSchemes schemes, CancellationToken cancellationToken)
    {
        await service.DeleteAsync(id, cancellationToken);
        await schemes.RefreshAsync(force: true, cancellationToken);
        // Auth0 answers a connection's deletion with 202: removing its users continues in the background.
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> ClientsAsync(string id, ConnectionService service, CancellationToken cancellationToken)
    {
        var connection = await service.GetAsync(id, cancellationToken);
        return TypedResults.Ok(new { clients = connection.EnabledClients.Select(c => new { client_id = c }) });
    }

    // Auth0's replacement for the deprecated enabled_clients of PATCH /connections/{id}: up to 50 applications switched
    // on or off, the others left as they are; answered 204 with no body.
    private static async Task<IResult> SetClientsAsync(string id, IReadOnlyList<ConnectionClientBody> body, ConnectionService service, ConnectionSchemes schemes,
        CancellationToken cancellationToken)
    {
        if (body.Count is 0 or > 50 || body.Any(c => string.IsNullOrEmpty(c.ClientId) || c.Status is null))
            return ManagementError.Result(400, "Payload validation error: 1 to 50 items of { client_id, status } are required.", "invalid_body");
        var enabled = (await service.GetAsync(id, cancellationToken)).EnabledClients.ToList();
        foreach (var client in body)
        {
            enabled.Remove(client.ClientId!);
            if (client.Status == true)
                enabled.Add(client.ClientId!);
        }
        await service.SetEnabledClientsAsync(id, enabled, cancellationToken);
        await schemes.RefreshAsync(force: true, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ConnectionSettings Settings(ConnectionBody body) => new()
    {
        Name = body.Name, Strategy = body.Strategy, DisplayName = body.DisplayName, Options = body.Options, EnabledClients = body.EnabledClients,
        Metadata = body.Metadata, ShowAsButton = body.ShowAsButton, IsDomainConnection = body.IsDomainConnection,
    };

    private static object Json(ConnectionDetails c) => new
    {
        id = c.Id,
        name = c.Name,
        display_name = c.DisplayName ?? c.Name,
        strategy = c.Strategy,
        options = c.Options,
        enabled_clients = c.EnabledClients,
        realms = new[] { c.Name },
        is_domain_connection = c.IsDomainConnection,
        show_as_button = c.ShowAsButton,
        metadata = c.Metadata,
    };
}
