using System.Net;
using System.Net.Sockets;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// Which addresses an Action's <c>fetch</c> may connect to. Checked on the resolved address at
/// connect time, so a hostname that resolves (or re-resolves) to an internal address is refused too.
/// </summary>
internal static class NetworkPolicy
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            var uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || uniqueLocal || address.IsIPv6Multicast);
        }
        var b = address.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 0 || b[0] >= 224
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
    }
}
