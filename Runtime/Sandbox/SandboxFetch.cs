using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// Performs an Action's <c>fetch</c>: http(s) only, the network policy enforced at connect time,
/// a per-request timeout bounded by the execution's deadline, and a capped response body.
/// Failures come back to JavaScript as <c>{error, code}</c>, never as host exceptions.
/// </summary>
internal sealed class SandboxFetch : IDisposable
{
    private readonly SandboxOptions _options;
    private readonly HttpClient _client;

    public SandboxFetch(SandboxOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectAsync,
            // An environment proxy would move the address check onto the proxy's address: only the operator's own.
            UseProxy = options.FetchProxy is not null,
            Proxy = options.FetchProxy is { } proxy ? new WebProxy(proxy) : null,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<string> SendAsync(string requestJson, CancellationToken cancellationToken)
    {
        try
        {
            var request = JsonSerializer.Deserialize<FetchRequest>(requestJson, JsonSerializerOptions.Web)
                ?? throw new ArgumentException("empty request");
            if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                return Failure($"only http and https URLs can be fetched: {request.Url}", "ERR_INVALID_URL");
            }
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), url);
            if (request.Body is not null)
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8);
                message.Content.Headers.ContentType = null;
            }
            foreach (var (name, value) in request.Headers ?? [])
            {
                if (!message.Headers.TryAddWithoutValidation(name, value))
                {
                    message.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(request.TimeoutMs > 0 ? TimeSpan.FromMilliseconds(request.TimeoutMs) : _options.FetchTimeout);
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await ReadCappedAsync(response.Content, timeout.Token);
            var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value));
            return JsonSerializer.Serialize(new FetchReply((int)response.StatusCode, response.ReasonPhrase ?? "", headers, body, response.RequestMessage?.RequestUri?.ToString() ?? request.Url), JsonSerializerOptions.Web);
        }
        catch (OperationCanceledException)
        {
            return Failure("the request timed out", "ETIMEDOUT");
        }
        catch (HttpRequestException e) when (e.InnerException is BlockedAddressException blocked)
        {
            return Failure(blocked.Message, "ERR_BLOCKED_ADDRESS");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return Failure(e.Message, "ERR_FETCH");
        }
    }

    private async Task<string> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _options.MaxFetchResponseBytes)
            {
                throw new InvalidOperationException($"the response body exceeds {_options.MaxFetchResponseBytes} bytes");
            }
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var trusted = _options.AllowPrivateNetworkFetch || IsFetchProxy(context.DnsEndPoint);
        var allowed = trusted ? addresses : addresses.Where(NetworkPolicy.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new BlockedAddressException($"{context.DnsEndPoint.Host} resolves to a loopback, private or link-local address, which Actions may not reach");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool IsFetchProxy(DnsEndPoint endPoint) => _options.FetchProxy is { } proxy
        && string.Equals(proxy.IdnHost.Trim('[', ']'), endPoint.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase) && proxy.Port == endPoint.Port;

    private static string Failure(string message, string code) => JsonSerializer.Serialize(new { error = message, code });

    public void Dispose() => _client.Dispose();

    private sealed record FetchRequest(string Url, string Method, Dictionary<string, string>? Headers, string? Body, int TimeoutMs);

    private sealed record FetchReply(int Status, string StatusText, Dictionary<string, string> Headers, string Body, string Url);

    private sealed class BlockedAddressException(string message) : Exception(message);
}
