namespace Flowgate.Dashboard.Cli;

/// <summary>Reads <c>--name value</c> options and <c>--flag</c> switches from a command's arguments.</summary>
internal sealed class CommandArguments(IReadOnlyList<string> args)
{
    public string? Value(string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
            if (args[i] == "--" + name)
                return args[i + 1];
        return null;
    }

    public bool Flag(string name) => args.Contains("--" + name);
}
