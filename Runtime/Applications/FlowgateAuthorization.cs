using OpenIddict.EntityFrameworkCore.Models;

namespace Flowgate.Runtime.Applications;

/// <summary>OpenIddict's authorization row, typed to <see cref="FlowgateApplication"/>.</summary>
public sealed class FlowgateAuthorization
    : OpenIddictEntityFrameworkCoreAuthorization<string, FlowgateApplication, FlowgateToken>;
