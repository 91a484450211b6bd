namespace Flowgate.Runtime.Flows.Parking;

/// <summary>
/// A login or password reset waiting for the browser (a site an Action redirected to, a factor page), kept in the
/// database so that any instance can resume it and a restart loses none.
/// </summary>
public sealed class ParkedTransaction
{
    /// <summary>SHA-256 of the state, in hex: the state is a bearer secret in the browser's URL and stays out of the database.</summary>
    public required string Id { get; set; }

    public required string TenantId { get; set; }

    /// <summary>The caller's JSON, protected with Data Protection: it holds the flow's event and the Actions' secrets.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
