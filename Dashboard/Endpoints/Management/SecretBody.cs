namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>A secret in a request body; <c>value</c> omitted keeps the stored one.</summary>
internal sealed record SecretBody(string Name, string? Value);
