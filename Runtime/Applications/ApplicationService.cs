using System.Security.Cryptography;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Runtime.Applications;

/// <summary>Creates and lists applications (OpenIddict clients) and their grants to APIs.</summary>
public sealed class ApplicationService(
    OpenIddictApplicationManager<FlowgateApplication> applications,
    IDbContextFactory<FlowgateDbContext> contexts,
    CurrentTenant tenant,
    ILogger<ApplicationService> logger)
{
    /// <summary>
    /// Creates a machine-to-machine application (client credentials). With <paramref name="managementApi"/>,
    /// it is granted every Management API scope. Returns the secret once.
    /// </summary>
    public async Task<ApplicationCredentials> CreateMachineToMachineAsync(string name, bool managementApi, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200)
            throw new ArgumentException("An application needs a name of 1 to 200 characters.", nameof(name));

        var clientId = RandomToken(24);
        var secret = RandomToken(48);
        var application = new FlowgateApplication { TenantId = tenant.Id, AppType = ApplicationTypes.MachineToMachine };
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = name,
            ClientType = ClientTypes.Confidential,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        await applications.PopulateAsync(application, descriptor, cancellationToken);
        await applications.CreateAsync(application, secret, cancellationToken);

        if (managementApi)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.ClientGrants.Add(new ClientGrant
            {
                Id = "cgr_" + RandomToken(12),
                TenantId = tenant.Id,
                ClientId = clientId,
                Audience = ManagementApi.IdentifierSuffix,
                Scope = string.Join(' ', ManagementApi.Scopes),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        logger.LogInformation("Machine-to-machine application {ClientId} created (management: {Management})", clientId, managementApi);
        return new ApplicationCredentials(name, clientId, secret, ApplicationTypes.MachineToMachine);
    }

    /// <summary>
    /// Creates an application users log in to (authorization code + refresh tokens). Single-page and
    /// native applications are public clients: no secret, and PKCE is required of them.
    /// </summary>
    public async Task<ApplicationCredentials> CreateInteractiveAsync(InteractiveApplicationRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        if (name.Length is 0 or > 200)
            throw new ArgumentException("An application needs a name of 1 to 200 characters.", nameof(request));
        if (request.AppType is not (ApplicationTypes.Spa or ApplicationTypes.RegularWeb or ApplicationTypes.Native))
            throw new ArgumentException($"Unknown application type '{request.AppType}'.", nameof(request));
        var isPublic = request.AppType is ApplicationTypes.Spa or ApplicationTypes.Native;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = RandomToken(24),
            DisplayName = name,
            ClientType = isPublic ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            },
        };
        if (isPublic)
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        foreach (var uri in request.Callbacks)
            descriptor.RedirectUris.Add(AbsoluteUri(uri, "callback"));
        foreach (var uri in request.LogoutUrls)
            descriptor.PostLogoutRedirectUris.Add(AbsoluteUri(uri, "logout"));

        var secret = isPublic ? null : RandomToken(48);
        var application = new FlowgateApplication { TenantId = tenant.Id, AppType = request.AppType };
        await applications.PopulateAsync(application, descriptor, cancellationToken);
        await applications.CreateAsync(application, secret, cancellationToken);
        logger.LogInformation("Application {ClientId} ({AppType}) created", descriptor.ClientId, request.AppType);
        return new ApplicationCredentials(name, descriptor.ClientId, secret, request.AppType);
    }

    /// <summary>The display name of an application, for the hosted pages; null when unknown.</summary>
    public async Task<string?> FindNameAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        return application is null || application.TenantId != tenant.Id ? null : application.DisplayName;
    }

    /// <summary>Lists the tenant's applications with the APIs they are granted.</summary>
    public async Task<IReadOnlyList<ApplicationSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var apps = await db.Set<FlowgateApplication>().Where(a => a.TenantId == tenant.Id)
            .OrderByDescending(a => a.CreatedAt).ToListAsync(cancellationToken);
        var grants = await db.ClientGrants.Where(g => g.TenantId == tenant.Id).ToListAsync(cancellationToken);
        return apps.Select(a => new ApplicationSummary(
            a.ClientId!, a.DisplayName ?? a.ClientId!, a.AppType, a.CreatedAt,
            grants.Where(g => g.ClientId == a.ClientId).Select(g => g.Audience).ToList())).ToList();
    }

    private static Uri AbsoluteUri(string value, string what) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is not ("javascript" or "data" or "file" or "vbscript")
            ? uri
            : throw new ArgumentException($"The {what} URL '{value}' is not an absolute URL.");

    private static string RandomToken(int bytes) =>
        Base64Url(RandomNumberGenerator.GetBytes(bytes));

    private static string Base64Url(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
