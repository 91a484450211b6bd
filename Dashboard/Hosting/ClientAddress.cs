namespace Flowgate.Dashboard.Hosting;

/// <summary>The address per-IP limits count against: the connection's, or the client's a configured proxy forwarded (<see cref="ForwardedHeaders"/>).</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
