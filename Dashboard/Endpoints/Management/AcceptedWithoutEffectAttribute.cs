namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Body properties that Auth0's own tools send (the Deploy CLI re-sends what it exported) and that Flowgate accepts
/// without applying, so they are not refused as unknown (<see cref="UnknownPropertiesRefused"/>). Only for settings
/// whose Auth0 meaning is already Flowgate's fixed behaviour, or that Flowgate answers with a fixed value.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class AcceptedWithoutEffectAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
