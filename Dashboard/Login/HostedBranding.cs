using Flowgate.Runtime.Branding;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// The tenant's branding, read once per request (the security headers and the page's layout both need it), from a copy
/// at most a few seconds old (<see cref="Runtime.Tenancy.HostedPageReads"/>).
/// </summary>
internal sealed class HostedBranding(BrandingSettings settings)
{
    private TenantBranding? _branding;

    public async Task<TenantBranding> GetAsync(CancellationToken cancellationToken) =>
        _branding ??= await settings.GetRecentAsync(cancellationToken);
}
