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

    private static string RandomToken(int bytes) =>
        Base64Url(RandomNumberGenerator.GetBytes(bytes));

    private static string Base64Url(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
