using OpenIddict.EntityFrameworkCore.Models;

namespace Flowgate.Runtime.Applications;

/// <summary>OpenIddict's scope row.</summary>
public sealed class FlowgateScope : OpenIddictEntityFrameworkCoreScope<string>;
