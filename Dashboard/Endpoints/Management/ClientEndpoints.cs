using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// <c>/api/v2/clients</c>: applications in Auth0's client shape. A secret is returned when it is made
/// (create, rotate) and never again: only its hash is stored.
/// </summary>
internal static class ClientEndpoints
{
    public static void MapClients(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients");
        clients.MapGet("/", ListAsync).RequireScope("read:clients");
        clients.MapPost("/", CreateAsync).RequireScope("create:clients");
        clients.MapGet("/{id}", GetAsync).RequireScope("read:clients");
        clients.MapPatch("/{id}", UpdateAsync).RequireScope("update:clients");
        clients.MapDelete("/{id}", DeleteAsync).RequireScope("delete:clients");
        clients.MapPost("/{id}/rotate-secret", RotateSecretAsync).RequireScope("update:client_keys");
    }

    private static async Task<IResult> ListAsync(string? app_type, int? page, int? per_page, bool? include_totals, ApplicationService service, CancellationToken cancellationToken)
    {
        var result = await service.ListAsync(app_type, page ?? 0, per_page ?? ManagementPaging.DefaultPerPage, cancellationToken);
        return ManagementPaging.Result(result, "clients", include_totals, a => Client(a));
    }

    private static async Task<IResult> CreateAsync(ClientBody body, ApplicationService service, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Name))
            return ManagementError.Result(400, "Payload validation error: 'name' is required.", "invalid_body");
        var created = await service.CreateAsync(Settings(body), cancellationToken);
        return TypedResults.Created($"/api/v2/clients/{created.Application.ClientId}", Client(created.Application, created.ClientSecret));
    }

    private static async Task<IResult> GetAsync(string id, ApplicationService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(Client(await service.GetAsync(id, cancellationToken)));

    private static async Task<IResult> UpdateAsync(string id, ClientBody body, ApplicationService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(Client(await service.UpdateAsync(id, Settings(body), cancellationToken)));

    private static async Task<IResult> DeleteAsync(string id, ApplicationService service, CancellationToken cancellationToken)
    {
        await service.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> RotateSecretAsync(string id, ApplicationService service, CancellationToken cancellationToken)
    {
        var secret = await service.RotateSecretAsync(id, cancellationToken);
        return TypedResults.Ok(Client(await service.GetAsync(id, cancellationToken), secret));
    }

    private static ApplicationSettings Settings(ClientBody body) => new()
    {
        Name = body.Name,
        Description = body.Description,
        AppType = body.AppType,
        Callbacks = body.Callbacks,
        LogoutUrls = body.AllowedLogoutUrls,
        WebOrigins = body.WebOrigins,
        AllowedOrigins = body.AllowedOrigins,
        GrantTypes = body.GrantTypes,
        TokenEndpointAuthMethod = body.TokenEndpointAuthMethod,
        IsFirstParty = body.IsFirstParty,
        ClientMetadata = body.ClientMetadata,
    };

    private static object Client(ApplicationDetails application, string? secret = null) => new
    {
        client_id = application.ClientId,
        name = application.Name,
        description = application.Description,
        app_type = application.AppType,
        is_first_party = application.IsFirstParty,
        oidc_conformant = true,
        callbacks = application.Callbacks,
        allowed_logout_urls = application.LogoutUrls,
        web_origins = application.WebOrigins,
        allowed_origins = application.AllowedOrigins,
        client_metadata = application.ClientMetadata,
        grant_types = application.GrantTypes,
        token_endpoint_auth_method = application.TokenEndpointAuthMethod,
        jwt_configuration = new { alg = "RS256" },
        client_secret = secret,
    };
}
