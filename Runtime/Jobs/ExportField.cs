using System.Text.Json.Serialization;

namespace Flowgate.Runtime.Jobs;

/// <summary>An exported field: Auth0's user attribute <paramref name="Name"/>, written under <paramref name="ExportAs"/> when given.</summary>
public sealed record ExportField(string Name, string? ExportAs = null)
{
    [JsonIgnore]
    public string Column => ExportAs ?? Name;
}
