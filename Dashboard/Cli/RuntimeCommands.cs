using Flowgate.Runtime.Cli;
using Flowgate.Runtime.Sandbox.Worker;

namespace Flowgate.Dashboard.Cli;

/// <summary>Commands the Dashboard executable runs instead of the web host.</summary>
internal static class RuntimeCommands
{
    /// <summary>Runs <c>sandbox-worker</c> or <c>actions test</c>; null when the arguments name neither.</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        return args switch
        {
            ["sandbox-worker", ..] => await SandboxWorkerProcess.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), stop.Token, stdinDescriptor: 0),
            ["actions", "test", .. var rest] => await ActionsTestCommand.RunAsync(rest, Console.Out, Console.Error, stop.Token),
            _ => null,
        };
    }
}
