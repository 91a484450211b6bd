using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// Reads package documents and tarballs from the configured npm registry. The registry is the
/// operator's choice (a mirror in closed networks), so it is not subject to the Actions' fetch
/// policy. Messages name the package, never the registry's address, which may carry credentials.
/// </summary>
internal sealed class NpmRegistryClient(HttpClient http, Uri registry) : IDisposable
{
    // The abbreviated document ("corgi") has everything an install needs and is a fraction of the full one.
    private static readonly MediaTypeWithQualityHeaderValue[] Accept =
        [new("application/vnd.npm.install-v1+json", 1.0), new("application/json", 0.8)];

    public static NpmRegistryClient Create(Uri registry) => new(
        new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.All })
        {
            Timeout = TimeSpan.FromSeconds(30),
        },
        registry.AbsoluteUri.EndsWith('/') ? registry : new Uri(registry.AbsoluteUri + "/"));

    /// <summary>The package's document; refuses unknown packages, fails as unavailable when the registry is unreachable.</summary>
    public async Task<Packument> GetPackumentAsync(string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(registry, name.Replace("/", "%2F", StringComparison.Ordinal)));
        foreach (var type in Accept) request.Headers.Accept.Add(type);
        var body = await SendAsync(request, PackumentLimit(name), $"to resolve '{name}'", cancellationToken, notFound: $"The package '{name}' does not exist in the npm registry.");
        try
        {
            using var document = JsonDocument.Parse(body);
            return new Packument(name, document.RootElement.Clone());
        }
        catch (JsonException)
        {
            throw new PackageException($"The npm registry answered with an unreadable document for '{name}'.", registryUnavailable: true);
        }
    }

    /// <summary>A version's tarball, at most <see cref="PackageLimits.MaxTarballBytes"/>.</summary>
    public Task<byte[]> GetTarballAsync(PackageDist dist, PackageKey package, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, dist.Tarball);
        return SendAsync(request, (PackageLimits.MaxTarballBytes, $"The package '{package}' is larger than {PackageLimits.MaxTarballBytes >> 20} MB compressed."),
            $"to download '{package}'", cancellationToken, notFound: $"The registry has no tarball for '{package}'.");
    }

    private static (long Bytes, string Message) PackumentLimit(string name) =>
        (PackageLimits.MaxPackumentBytes, $"The registry document of '{name}' is larger than {PackageLimits.MaxPackumentBytes >> 20} MB.");

    private async Task<byte[]> SendAsync(HttpRequestMessage request, (long Bytes, string Message) limit, string purpose, CancellationToken cancellationToken, string notFound)
    {
        try
        {
            using (request)
            using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken))
            {
                if (response.StatusCode == HttpStatusCode.NotFound) throw new PackageException(notFound);
                if (!response.IsSuccessStatusCode)
                {
                    throw new PackageException($"The npm registry could not be reached {purpose}: it answered {(int)response.StatusCode} {response.ReasonPhrase}.", registryUnavailable: true);
                }
                if (response.Content.Headers.ContentLength > limit.Bytes) throw new PackageException(limit.Message);
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                return await ReadCappedAsync(stream, limit, cancellationToken);
            }
        }
        catch (HttpRequestException e)
        {
            throw new PackageException($"The npm registry could not be reached {purpose}: {Reason(e)}.", registryUnavailable: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PackageException($"The npm registry did not answer in time {purpose}.", registryUnavailable: true);
        }
    }

    // The socket's own words ("Connection refused"), not the request's, which names the address.
    private static string Reason(HttpRequestException e) =>
        e.InnerException is System.Net.Sockets.SocketException socket ? socket.Message : e.HttpRequestError.ToString();

    // Content-Length can be absent or wrong (chunked, compressed), so the cap holds while reading.
    private static async Task<byte[]> ReadCappedAsync(Stream stream, (long Bytes, string Message) limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit.Bytes) throw new PackageException(limit.Message);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public void Dispose() => http.Dispose();
}
