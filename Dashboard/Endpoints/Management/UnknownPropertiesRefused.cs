using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Auth0 answers 400 "Additional properties not allowed" for a body property it does not know; so does Flowgate, for
/// every JSON body bound to one of its own types (the Management API's bodies and what they contain), set once on the
/// host's JSON options rather than per endpoint. Properties that Auth0's tools send and Flowgate does not apply are
/// named on the body with <see cref="AcceptedWithoutEffectAttribute"/>. Dictionaries and JSON nodes (metadata) stay open.
/// </summary>
internal static class UnknownPropertiesRefused
{
    public static void Apply(JsonSerializerOptions options) =>
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Refuse);

    private static void Refuse(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Namespace?.StartsWith("Flowgate.", StringComparison.Ordinal) != true)
            return;
        type.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        foreach (var name in type.Type.GetCustomAttribute<AcceptedWithoutEffectAttribute>()?.Names ?? [])
        {
            var ignored = type.CreateJsonPropertyInfo(typeof(JsonElement), name);
            ignored.Set = static (_, _) => { };
            type.Properties.Add(ignored);
        }
    }

    /// <summary>Auth0's message for <paramref name="error"/> when it is an unknown property, else null.</summary>
    public static string? Message(JsonException error)
    {
        const string Marker = "The JSON property '";
        if (!error.Message.StartsWith(Marker, StringComparison.Ordinal) || !error.Message.Contains("could not be mapped", StringComparison.Ordinal))
            return null;
        var name = error.Message[Marker.Length..error.Message.IndexOf('\'', Marker.Length)];
        var parent = Parent(error.Path, name);
        return parent is null
            ? $"Payload validation error: 'Additional properties not allowed: {name}'."
            : $"Payload validation error: 'Additional properties not allowed: {name}' on property {parent}.";
    }

    // "$.scopes[0].foo" -> "scopes[0]"; "$.foo" -> null (the body itself).
    private static string? Parent(string? path, string name)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
            return null;
        var inner = path[2..];
        if (inner.EndsWith(name, StringComparison.Ordinal))
            inner = inner[..^name.Length].TrimEnd('.');
        return inner.Length == 0 ? null : inner;
    }
}
