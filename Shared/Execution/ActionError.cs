using System.Text.Json.Serialization;

namespace Flowgate.Shared.Execution;

/// <summary>Why an execution failed: the JavaScript error (or a platform failure) and its class.</summary>
/// <param name="Name">The error's name, e.g. <c>TypeError</c>.</param>
/// <param name="Message">The error's message.</param>
/// <param name="Stack">The JavaScript stack, when there is one.</param>
/// <param name="Class">Auth0's <c>error_class</c>.</param>
public sealed record ActionError(
    string Name,
    string Message,
    string? Stack,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ActionErrorClass>))] ActionErrorClass Class);
