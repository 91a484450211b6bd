namespace Flowgate.Runtime.Cli;

/// <summary>The parsed arguments of <c>actions test</c>.</summary>
internal sealed record ActionsTestArguments(
    string Trigger, string CodePath, string? EventPath, IReadOnlyDictionary<string, string> Secrets, int Repeat, bool InProcess, string? Handler, int? TimeoutMs = null)
{
    public const string Usage =
        "usage: actions test --trigger <id> --code <file.js> [--event <file.json>] [--secret K=V ...] [--repeat N] [--handler <name>] [--timeout <ms>] [--in-process]";

    /// <summary>Parses the arguments, or returns the reason they are invalid.</summary>
    public static (ActionsTestArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? trigger = null, code = null, eventPath = null, handler = null;
        var secrets = new Dictionary<string, string>();
        var repeat = 0;
        int? timeoutMs = null;
        var inProcess = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--trigger": trigger = Next(); break;
                    case "--code": code = Next(); break;
                    case "--event": eventPath = Next(); break;
                    case "--handler": handler = Next(); break;
                    case "--in-process": inProcess = true; break;
                    case "--repeat":
                        if (!int.TryParse(Next(), out repeat) || repeat < 0) return (null, "--repeat needs a non-negative number");
                        break;
                    case "--timeout":
                        if (!int.TryParse(Next(), out var ms) || ms < 1) return (null, "--timeout needs a positive number of milliseconds");
                        timeoutMs = ms;
                        break;
                    case "--secret":
                        var pair = Next();
                        var eq = pair.IndexOf('=');
                        if (eq <= 0) return (null, $"--secret needs KEY=VALUE, got '{pair}'");
                        secrets[pair[..eq]] = pair[(eq + 1)..];
                        break;
                    default: return (null, $"unknown argument '{args[i]}'");
                }
            }
            catch (ArgumentException e)
            {
                return (null, e.Message);
            }
        }
        if (trigger is null || code is null)
        {
            return (null, "--trigger and --code are required");
        }
        return (new ActionsTestArguments(trigger, code, eventPath, secrets, repeat, inProcess, handler, timeoutMs), null);
    }
}
