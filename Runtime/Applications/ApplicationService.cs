using System.Security.Cryptography;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace Flowgate.Runtime.Applications;

/// <summary>
/// The tenant's applications (OpenIddict clients) in Auth0's terms: create, read, change, rotate the
/// secret, delete. Each operation gets its own scope and so its own OpenIddict manager and DbContext:
/// a dashboard circuit lives long, and a long-lived context would serve stale applications.
/// </summary>
public sealed class ApplicationService(
    IServiceScopeFactory scopes,
    IDbContextFactory<FlowgateDbContext> contexts,
    CurrentTenant tenant,
    ClientGrantCache grants,
    RecentApplications recent,
    ILogger<ApplicationService> logger)
{
    /// <summary>
    /// Creates a machine-to-machine application (client credentials). With <paramref name="managementApi"/>,
    /// it is granted every Management API scope. Returns the secret once.
    /// </summary>
    public async Task<ApplicationCredentials> CreateMachineToMachineAsync(string name, bool managementApi, CancellationToken cancellationToken)
    {
        var (application, secret) = await CreateAsync(new ApplicationSettings { Name = name, AppType = ApplicationTypes.MachineToMachine }, cancellationToken);
        if (managementApi)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.ClientGrants.Add(new ClientGrant
            {
                Id = ClientGrantService.NewId(),
                TenantId = tenant.Id,
                ClientId = application.ClientId,
                Audience = ManagementApi.IdentifierSuffix,
                Scope = string.Join(' ', ManagementApi.Scopes),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        logger.LogInformation("Machine-to-machine application {ClientId} created (management: {Management})", application.ClientId, managementApi);
        return new ApplicationCredentials(application.Name, application.ClientId, secret, application.AppType);
    }

    /// <summary>
    /// Creates an application users log in to (authorization code + refresh tokens). Single-page and
    /// native applications are public clients: no secret, and PKCE is required of them.
    /// </summary>
    public async Task<ApplicationCredentials> CreateInteractiveAsync(InteractiveApplicationRequest request, CancellationToken cancellationToken)
    {
        var (application, secret) = await CreateAsync(new ApplicationSettings
        {
            Name = request.Name, AppType = request.AppType, Callbacks = request.Callbacks, LogoutUrls = request.LogoutUrls,
        }, cancellationToken);
        return new ApplicationCredentials(application.Name, application.ClientId, secret, application.AppType);
    }

    /// <summary>Creates an application of any type; unset settings take the type's defaults. Returns the secret once.</summary>
    public async Task<CreatedApplication> CreateAsync(ApplicationSettings settings, CancellationToken cancellationToken)
    {
        var resolved = ApplicationDescriptors.Resolve(
            ApplicationDescriptors.Defaults(settings.AppType ?? ApplicationTypes.RegularWeb), settings with { AppType = null });
        var descriptor = new OpenIddictApplicationDescriptor { ClientId = RandomToken(24) };
        var application = new FlowgateApplication { TenantId = tenant.Id };
        ApplicationDescriptors.Write(resolved, descriptor, application);
        var secret = resolved.IsConfidential ? RandomToken(48) : null;

        await using var scope = scopes.CreateAsyncScope();
        var applications = Manager(scope);
        await applications.PopulateAsync(application, descriptor, cancellationToken);
        await applications.CreateAsync(application, secret, cancellationToken);
        logger.LogInformation("Application {ClientId} ({AppType}) created", descriptor.ClientId, resolved.AppType);
        return new CreatedApplication(ApplicationDescriptors.Read(application, descriptor), secret);
    }

    public async Task<ApplicationDetails> GetAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = Manager(scope);
        var application = await FindAsync(applications, clientId, cancellationToken);
        return ApplicationDescriptors.Read(application, await DescribeAsync(applications, application, cancellationToken));
    }

    /// <summary>One page of the tenant's applications, newest first, optionally of one type.</summary>
    public async Task<ActionPage<ApplicationDetails>> ListAsync(string? appType, int page, int perPage, CancellationToken cancellationToken)
    {
        (page, perPage) = ActionLimits.Paging(page, perPage);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowgateDbContext>();
        var query = db.Set<FlowgateApplication>().AsNoTracking().Where(a => a.TenantId == tenant.Id);
        if (!string.IsNullOrEmpty(appType))
            query = query.Where(a => a.AppType == appType);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.ClientId).Skip(page * perPage).Take(perPage).ToListAsync(cancellationToken);
        var applications = Manager(scope);
        var items = new List<ApplicationDetails>();
        foreach (var row in rows)
            items.Add(ApplicationDescriptors.Read(row, await DescribeAsync(applications, row, cancellationToken)));
        return new ActionPage<ApplicationDetails>(items, total, page, perPage);
    }

    /// <summary>Changes settings; null fields stay as they are. A client cannot turn public or confidential.</summary>
    public async Task<ApplicationDetails> UpdateAsync(string clientId, ApplicationSettings change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = Manager(scope);
        var application = await FindAsync(applications, clientId, cancellationToken);
        var descriptor = await DescribeAsync(applications, application, cancellationToken);
        var current = ApplicationDescriptors.Read(application, descriptor);
        var resolved = ApplicationDescriptors.Resolve(current, change);
        if (resolved.IsConfidential != current.IsConfidential)
            throw new OperationRejectedException(RejectionKind.Invalid,
                "An application cannot change between public (single-page, native) and confidential (regular web, machine to machine): create a new one.");
        ApplicationDescriptors.Write(resolved, descriptor, application);
        // The descriptor carries the stored secret hash, so updating from it keeps the secret.
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        recent.Forget(clientId);
        return ApplicationDescriptors.Read(application, descriptor);
    }

    /// <summary>Replaces a confidential application's secret; the new one is returned this once.</summary>
    public async Task<string> RotateSecretAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = Manager(scope);
        var application = await FindAsync(applications, clientId, cancellationToken);
        if (!await applications.HasClientTypeAsync(application, OpenIddictConstants.ClientTypes.Confidential, cancellationToken))
            throw new OperationRejectedException(RejectionKind.Invalid, "This application is a public client: it has no secret to rotate.");
        var secret = RandomToken(48);
        await applications.UpdateAsync(application, secret, cancellationToken);
        recent.Forget(clientId);
        logger.LogInformation("Secret of application {ClientId} rotated", clientId);
        return secret;
    }

    /// <summary>Deletes the application, its tokens and its grants to APIs.</summary>
    public async Task DeleteAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = Manager(scope);
        await applications.DeleteAsync(await FindAsync(applications, clientId, cancellationToken), cancellationToken);
        recent.Forget(clientId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ClientGrants.Where(g => g.TenantId == tenant.Id && g.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        grants.ForgetAll();
        logger.LogInformation("Application {ClientId} deleted", clientId);
    }

    /// <summary>The display name of an application, for the hosted pages; null when unknown.</summary>
    /// <remarks>As read at most 2 s ago (<see cref="RecentApplications"/>): every hosted page shows it.</remarks>
    public async Task<string?> FindNameAsync(string clientId, CancellationToken cancellationToken) =>
        (await FindRecentAsync(clientId, cancellationToken))?.DisplayName;

    /// <summary>An application's <c>client_metadata</c>, for <c>event.client.metadata</c>; empty when unknown.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FindMetadataAsync(string clientId, CancellationToken cancellationToken) =>
        ClientMetadataRules.Parse((await FindRecentAsync(clientId, cancellationToken))?.ClientMetadataJson ?? "{}");

    /// <summary>An application's name and <c>client_metadata</c>, as a login reads them once per request.</summary>
    public async Task<LoginApplication> FindForLoginAsync(string clientId, CancellationToken cancellationToken)
    {
        var found = await FindRecentAsync(clientId, cancellationToken);
        return new(found?.DisplayName, ClientMetadataRules.Parse(found?.ClientMetadataJson ?? "{}"));
    }

    private async Task<FlowgateApplication?> FindRecentAsync(string clientId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(clientId) ? null
            : await recent.FindAsync(clientId, cancellationToken) is { } application && application.TenantId == tenant.Id ? application : null;

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

    private static OpenIddictApplicationManager<FlowgateApplication> Manager(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<OpenIddictApplicationManager<FlowgateApplication>>();

    private async Task<FlowgateApplication> FindAsync(OpenIddictApplicationManager<FlowgateApplication> applications, string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application && application.TenantId == tenant.Id
            ? application
            : throw new OperationRejectedException(RejectionKind.NotFound, "The client does not exist.");

    private static async Task<OpenIddictApplicationDescriptor> DescribeAsync(
        OpenIddictApplicationManager<FlowgateApplication> applications, FlowgateApplication application, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        return descriptor;
    }

    private static string RandomToken(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
