using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Admin;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Keys;
using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Store;

/// <summary>
/// The one database: tenants, Actions and their versions, flows, executions, logs, APIs,
/// ASP.NET Core Identity, OpenIddict and Data Protection keys. Each provider has a subclass
/// that owns its migrations (<see cref="SqliteFlowgateDbContext"/>, <see cref="SqlServerFlowgateDbContext"/>, <see cref="PostgreSqlFlowgateDbContext"/>).
/// </summary>
public abstract class FlowgateDbContext(DbContextOptions options)
    : IdentityDbContext<TenantUser, TenantRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<ActionDefinition> Actions => Set<ActionDefinition>();
    public DbSet<ActionVersion> ActionVersions => Set<ActionVersion>();
    public DbSet<ActionSecret> ActionSecrets => Set<ActionSecret>();
    public DbSet<ActionDependency> ActionDependencies => Set<ActionDependency>();
    public DbSet<Actions.SavedTests.SavedTest> SavedTests => Set<Actions.SavedTests.SavedTest>();
    public DbSet<TriggerBinding> TriggerBindings => Set<TriggerBinding>();
    public DbSet<ExecutionRecord> Executions => Set<ExecutionRecord>();
    public DbSet<ExecutionActionResult> ExecutionResults => Set<ExecutionActionResult>();
    public DbSet<TenantLogEvent> LogEvents => Set<TenantLogEvent>();
    public DbSet<ResourceServer> ResourceServers => Set<ResourceServer>();
    public DbSet<ClientGrant> ClientGrants => Set<ClientGrant>();
    public DbSet<PermissionGrant> PermissionGrants => Set<PermissionGrant>();
    public DbSet<AdminAccount> AdminAccounts => Set<AdminAccount>();
    public DbSet<AdminFactor> AdminFactors => Set<AdminFactor>();
    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();
    public DbSet<MfaEnrollment> MfaEnrollments => Set<MfaEnrollment>();
    public DbSet<Flows.Parking.ParkedTransaction> ParkedTransactions => Set<Flows.Parking.ParkedTransaction>();
    public DbSet<Mfa.WebAuthn.AnsweredChallenge> AnsweredChallenges => Set<Mfa.WebAuthn.AnsweredChallenge>();
    public DbSet<Limits.RateLimitWindow> RateLimitWindows => Set<Limits.RateLimitWindow>();
    public DbSet<Jobs.UserJob> UserJobs => Set<Jobs.UserJob>();
    public DbSet<Jobs.UserJobError> UserJobErrors => Set<Jobs.UserJobError>();
    public DbSet<Branding.PromptCustomText> PromptCustomTexts => Set<Branding.PromptCustomText>();
    public DbSet<Connections.Connection> Connections => Set<Connections.Connection>();
    public DbSet<Email.Templates.EmailTemplate> EmailTemplates => Set<Email.Templates.EmailTemplate>();
    public DbSet<Email.Tickets.EmailTicket> EmailTickets => Set<Email.Tickets.EmailTicket>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<FlowgateApplication, FlowgateAuthorization, FlowgateScope, FlowgateToken, string>();
        builder.ApplyConfigurationsFromAssembly(typeof(FlowgateDbContext).Assembly);
    }
}
