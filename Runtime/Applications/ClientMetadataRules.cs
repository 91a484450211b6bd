using System.Text.Json;
using Flowgate.Runtime.Actions;

namespace Flowgate.Runtime.Applications;

/// <summary>Auth0's limits on <c>client_metadata</c>: at most 10 keys, keys and values of at most 255 characters.</summary>
public static class ClientMetadataRules
{
    public const int MaxKeys = 10, MaxLength = 255;

    /// <summary>The metadata if it is within Auth0's limits; otherwise a validation error.</summary>
    public static IReadOnlyDictionary<string, string> Validate(IReadOnlyDictionary<string, string> metadata)
    {
        if (metadata.Count > MaxKeys)
            throw Invalid($"'client_metadata' may have at most {MaxKeys} keys.");
        if (metadata.FirstOrDefault(p => p.Key.Length is 0 or > MaxLength || (p.Value?.Length ?? 0) > MaxLength) is { Key: not null } bad)
            throw Invalid($"'client_metadata' key '{bad.Key}' and its value must be 1 to {MaxLength} characters.");
        return new Dictionary<string, string>(metadata.Select(p => KeyValuePair.Create(p.Key, p.Value ?? "")));
    }

    /// <summary>The stored metadata (<see cref="FlowgateApplication.ClientMetadataJson"/>).</summary>
    public static IReadOnlyDictionary<string, string> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    private static OperationRejectedException Invalid(string reason) => new(RejectionKind.Invalid, "Payload validation error: " + reason);
}
