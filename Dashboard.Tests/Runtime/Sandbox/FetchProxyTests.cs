using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Flowgate.Runtime.Sandbox;

namespace Flowgate.Tests.Runtime.Sandbox;

/// <summary>fetch uses a proxy only when the operator names one (Sandbox:FetchProxy), never the process environment's.</summary>
public sealed class FetchProxyTests
{
    [Fact]
    public async Task A_proxy_from_the_environment_is_ignored_so_the_address_check_sees_the_real_target()
    {
        var before = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = new WebProxy("http://127.0.0.1:9"); // what HTTP_PROXY would set
        try
        {
            using var fetch = new SandboxFetch(new SandboxOptions());
            var reply = JsonDocument.Parse(await fetch.SendAsync(Request("http://10.1.2.3/admin"), CancellationToken.None)).RootElement;

            Assert.Equal("ERR_BLOCKED_ADDRESS", reply.GetProperty("code").GetString());
            Assert.Contains("10.1.2.3", reply.GetProperty("error").GetString());
        }
        finally
        {
            HttpClient.DefaultProxy = before;
        }
    }

    [Fact]
    public async Task The_configured_proxy_is_trusted_and_receives_the_request()
    {
        using var proxy = new TcpListener(IPAddress.Loopback, 0);
        proxy.Start();
        var port = ((IPEndPoint)proxy.LocalEndpoint).Port;
        var received = AnswerOnceAsync(proxy);
        using var fetch = new SandboxFetch(new SandboxOptions { FetchProxy = new Uri($"http://127.0.0.1:{port}/") });

        var reply = JsonDocument.Parse(await fetch.SendAsync(Request("http://api.example.com/users"), CancellationToken.None)).RootElement;

        Assert.Equal(200, reply.GetProperty("status").GetInt32());
        Assert.StartsWith("GET http://api.example.com/users HTTP/1.1", await received);
    }

    private static async Task<string> AnswerOnceAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray());
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private static string Request(string url) => JsonSerializer.Serialize(new { url, method = "GET", timeoutMs = 5000 });
}
