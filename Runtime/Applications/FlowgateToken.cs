using OpenIddict.EntityFrameworkCore.Models;

namespace Flowgate.Runtime.Applications;

/// <summary>OpenIddict's token row, typed to <see cref="FlowgateApplication"/>.</summary>
public sealed class FlowgateToken
    : OpenIddictEntityFrameworkCoreToken<string, FlowgateApplication, FlowgateAuthorization>;
