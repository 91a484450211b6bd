using System.Net;
using System.Net.Sockets;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// Which addresses an Action's <c>fetch</c> may connect to. Checked on the resolved address at
/// connect time, so a hostname that resolves (or re-resolves) to an internal address is refused too.
/// Everything IANA lists as special-purpose and not globally reachable is refused, and so are the
/// translation prefixes (NAT64, 6to4, Teredo, IPv4-mapped/compatible) that would carry a connection
/// to an internal IPv4 address through an IPv6 one.
/// </summary>
internal static class NetworkPolicy
{
    private static readonly (IPAddress Network, int Prefix)[] Refused =
    [
        (IPAddress.Parse("0.0.0.0"), 8),          // "this network"
        (IPAddress.Parse("10.0.0.0"), 8),         // private
        (IPAddress.Parse("100.64.0.0"), 10),      // carrier-grade NAT
        (IPAddress.Parse("127.0.0.0"), 8),        // loopback
        (IPAddress.Parse("169.254.0.0"), 16),     // link-local (cloud metadata at 169.254.169.254)
        (IPAddress.Parse("172.16.0.0"), 12),      // private
        (IPAddress.Parse("192.0.0.0"), 24),       // IETF protocol assignments (DS-Lite, NAT64 discovery)
        (IPAddress.Parse("192.0.2.0"), 24),       // documentation
        (IPAddress.Parse("192.88.99.0"), 24),     // 6to4 relay anycast
        (IPAddress.Parse("192.168.0.0"), 16),     // private
        (IPAddress.Parse("198.18.0.0"), 15),      // benchmarking
        (IPAddress.Parse("198.51.100.0"), 24),    // documentation
        (IPAddress.Parse("203.0.113.0"), 24),     // documentation
        (IPAddress.Parse("224.0.0.0"), 4),        // multicast
        (IPAddress.Parse("240.0.0.0"), 4),        // reserved, and 255.255.255.255
        (IPAddress.Parse("::"), 96),              // unspecified, loopback, IPv4-compatible
        (IPAddress.Parse("64:ff9b::"), 96),       // NAT64: the gateway would connect to the embedded IPv4
        (IPAddress.Parse("64:ff9b:1::"), 48),     // local-use NAT64
        (IPAddress.Parse("100::"), 64),           // discard-only
        (IPAddress.Parse("2001::"), 23),          // IETF protocol assignments, Teredo (2001::/32) among them
        (IPAddress.Parse("2001:db8::"), 32),      // documentation
        (IPAddress.Parse("fc00::"), 7),           // unique local
        (IPAddress.Parse("fe80::"), 10),          // link-local
        (IPAddress.Parse("fec0::"), 10),          // site-local (deprecated, still routed by some)
        (IPAddress.Parse("ff00::"), 8),           // multicast
    ];

    private static readonly IPAddress SixToFour = IPAddress.Parse("2002::");

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            return IsPublic(address.MapToIPv4());
        // 6to4 relays deliver to the IPv4 address in bits 16-47: that one decides.
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && InRange(address, SixToFour, 16))
            return IsPublic(new IPAddress(address.GetAddressBytes()[2..6]));
        return !Refused.Any(range => InRange(address, range.Network, range.Prefix));
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
            return false;
        var (a, n) = (address.GetAddressBytes(), network.GetAddressBytes());
        for (var bit = 0; bit < prefix; bit += 8)
        {
            var mask = prefix - bit >= 8 ? 0xff : (byte)(0xff << (8 - (prefix - bit)));
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask))
                return false;
        }
        return true;
    }
}
