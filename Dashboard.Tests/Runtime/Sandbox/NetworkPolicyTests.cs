using System.Net;
using Flowgate.Runtime.Sandbox;

namespace Flowgate.Tests.Runtime.Sandbox;

/// <summary>Every special-purpose range an Action's fetch could use to reach inside the network is refused.</summary>
public sealed class NetworkPolicyTests
{
    [Theory]
    [InlineData("0.1.2.3")]                  // "this network"
    [InlineData("10.0.0.1")]                 // private
    [InlineData("100.64.0.1")]               // carrier-grade NAT
    [InlineData("100.127.255.254")]
    [InlineData("127.0.0.1")]                // loopback
    [InlineData("169.254.169.254")]          // cloud metadata
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.170")]              // IETF protocol assignments (NAT64 discovery)
    [InlineData("192.0.2.1")]                // documentation
    [InlineData("192.88.99.1")]              // 6to4 relay
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]               // benchmarking
    [InlineData("198.19.255.255")]
    [InlineData("224.0.0.251")]              // multicast
    [InlineData("240.0.0.1")]                // reserved
    [InlineData("255.255.255.255")]          // broadcast
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::ffff:10.0.0.1")]          // IPv4-mapped private
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::10.0.0.1")]               // IPv4-compatible
    [InlineData("::8.8.8.8")]                // IPv4-compatible, deprecated whatever it embeds
    [InlineData("64:ff9b::a9fe:a9fe")]       // NAT64 to 169.254.169.254
    [InlineData("64:ff9b::808:808")]         // NAT64, even to a public address: the gateway is inside
    [InlineData("64:ff9b:1::a00:1")]         // local-use NAT64
    [InlineData("100::1")]                   // discard-only
    [InlineData("2001::a00:1")]              // Teredo
    [InlineData("2001:db8::1")]              // documentation
    [InlineData("2002:a00:1::1")]            // 6to4 embedding 10.0.0.1
    [InlineData("2002:7f00:1::1")]           // 6to4 embedding 127.0.0.1
    [InlineData("2002:a9fe:a9fe::1")]        // 6to4 embedding 169.254.169.254
    [InlineData("fc00::1")]                  // unique local
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]                  // link-local
    [InlineData("fec0::1")]                  // site-local
    [InlineData("ff02::1")]                  // multicast
    public void Special_purpose_addresses_are_refused(string address) =>
        Assert.False(NetworkPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.215.14")]
    [InlineData("100.63.255.255")]           // just below CGNAT
    [InlineData("172.32.0.1")]               // just above 172.16/12
    [InlineData("198.20.0.1")]               // just above 198.18/15
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2606:4700::1111")]
    [InlineData("2002:808:808::1")]          // 6to4 embedding a public address
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(NetworkPolicy.IsPublic(IPAddress.Parse(address)));
}
