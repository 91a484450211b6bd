using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Actions;

/// <summary>
/// Pins an Action's npm dependencies to exact versions at save, as Auth0 does: a blank version
/// becomes the registry's <c>latest</c>; an explicit version must exist.
/// </summary>
public sealed partial class DependencyPinner(HttpClient http, IOptions<DependencyOptions> options)
{
    /// <summary>Returns name → exact version; refuses unknown packages or versions with the reason.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PinAsync(IReadOnlyList<DependencyInput> dependencies, CancellationToken cancellationToken)
    {
        var pinned = new Dictionary<string, string>();
        foreach (var dependency in dependencies)
        {
            if (!PackageName().IsMatch(dependency.Name))
                throw new OperationRejectedException(RejectionKind.Invalid, $"'{dependency.Name}' is not a valid npm package name.");
            if (!pinned.TryAdd(dependency.Name, await PinAsync(dependency, cancellationToken)))
                throw new OperationRejectedException(RejectionKind.Invalid, $"The dependency '{dependency.Name}' is listed twice.");
        }
        return pinned;
    }

    private async Task<string> PinAsync(DependencyInput dependency, CancellationToken cancellationToken)
    {
        var url = new Uri(options.Value.Registry, dependency.Name.Replace("/", "%2F", StringComparison.Ordinal));
        JsonElement document;
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            if ((int)response.StatusCode == 404)
                throw new OperationRejectedException(RejectionKind.Invalid, $"The package '{dependency.Name}' does not exist in the npm registry.");
            response.EnsureSuccessStatusCode();
            document = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new OperationRejectedException(RejectionKind.Invalid, $"The npm registry could not be reached to resolve '{dependency.Name}': {e.Message}");
        }

        var version = string.IsNullOrWhiteSpace(dependency.Version) || dependency.Version == "latest"
            ? document.GetProperty("dist-tags").GetProperty("latest").GetString()!
            : dependency.Version.Trim();
        if (!document.GetProperty("versions").TryGetProperty(version, out _))
            throw new OperationRejectedException(RejectionKind.Invalid, $"The package '{dependency.Name}' has no version '{version}'.");
        return version;
    }

    // npm's rules: lowercase, URL-safe, optionally scoped, at most 214 characters.
    [GeneratedRegex(@"^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]{0,213}$")]
    private static partial Regex PackageName();
}
