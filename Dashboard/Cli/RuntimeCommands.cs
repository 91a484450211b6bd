using Flowgate.Runtime.Cli;
using Flowgate.Runtime.Sandbox.Worker;

namespace Flowgate.Dashboard.Cli;

/// <summary>Commands the Dashboard executable runs instead of the web host.</summary>
internal static class RuntimeCommands
{
    /// <summary>Runs <c>sandbox-worker</c> or <c>actions test</c>; null when the arguments name neither.</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        Func<CancellationToken, Task<int>>? command = args switch
        {
            ["sandbox-worker", ..] => stop => SandboxWorkerProcess.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), stop, stdinDescriptor: 0),
            ["actions", "test", .. var rest] => stop => ActionsTestCommand.RunAsync(rest, Console.Out, Console.Error, stop),
            _ => null,
        };
        if (command is null)
            return null;

        // Ctrl+C ends the command cleanly. Only while it runs: the web host has its own Ctrl+C handling, and a
        // handler left behind here would cancel a disposed source and crash the server on Ctrl+C.
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
        Console.CancelKeyPress += cancel;
        try
        {
            return await command(stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= cancel;
        }
    }
}
