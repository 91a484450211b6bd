namespace Flowgate.Runtime.Applications;

/// <summary>Auth0's <c>app_type</c> values.</summary>
public static class ApplicationTypes
{
    public const string Spa = "spa";
    public const string RegularWeb = "regular_web";
    public const string Native = "native";
    public const string MachineToMachine = "non_interactive";
}
