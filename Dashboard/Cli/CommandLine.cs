using System.Text.Json;
using Flowgate.Runtime.Admin;
using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Cli;

/// <summary>
/// The commands <c>dotnet run --project Dashboard -- ...</c> understands besides starting the server:
/// <c>admin create</c> and <c>clients create</c> (run against the configured database, no browser needed).
/// </summary>
internal static class CommandLine
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private const string Usage = """
        usage:
          dotnet run --project Dashboard                                   start the server
          dotnet run --project Dashboard -- admin create --email E [--password P]
                                                                           create an administrator (password read from stdin when omitted)
          dotnet run --project Dashboard -- actions test --trigger T --code F.js --event E.json [--secret K=V ...] [--repeat N] [--timeout MS]
                                                                           run one Action through the sandbox; prints its commands, logs, error and stats as JSON
          dotnet run --project Dashboard -- clients create --name N [--management]
                                                                           create a machine-to-machine application; prints its id and secret once
        """;

    /// <summary>Runs a command that needs no web host (<c>sandbox-worker</c>, <c>actions test</c>); null when the arguments are not one.</summary>
    public static Task<int?> TryRunWithoutHostAsync(string[] args) => RuntimeCommands.TryRunAsync(Command(args));

    public static bool IsHostCommand(string[] args) => Command(args) is ["admin" or "clients", ..];

    /// <summary>Configuration arguments for the host; a command's own arguments are not configuration.</summary>
    // appsettings.json is read at start and not watched: a change to it means a restart. Watching it watched the whole
    // content root, data/ included, so each SQLite write woke a watcher thread (about 1 % of a login server's CPU).
    // An operator's own --hostBuilder:reloadConfigOnChange=true comes later and wins.
    public static string[] HostArguments(string[] args) => ["--hostBuilder:reloadConfigOnChange=false", .. IsHostCommand(args) ? [] : args];

    public static async Task<int> RunHostCommandAsync(WebApplication app, string[] args)
    {
        var command = Command(args);
        var options = new CommandArguments(command);
        await using var scope = app.Services.CreateAsyncScope();
        switch (command)
        {
            case ["admin", "create", ..]:
                return await CreateAdminAsync(scope.ServiceProvider.GetRequiredService<AdminAccountService>(), options);
            case ["clients", "create", ..]:
                return await CreateClientAsync(scope.ServiceProvider.GetRequiredService<ApplicationService>(), options);
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>
    /// The arguments from the command's name on. <c>dotnet run</c> puts <c>--environment Development</c> first
    /// (RunArguments in Dashboard.csproj), ahead of what follows <c>--</c>.
    /// </summary>
    private static string[] Command(string[] args) => args is ["--environment", _, .. var rest] ? rest : args;

    private static async Task<int> CreateAdminAsync(AdminAccountService admins, CommandArguments options)
    {
        var email = options.Value("email");
        var password = options.Value("password") ?? (Console.IsInputRedirected ? (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') : null);
        if (email is null || string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("admin create needs --email and a password (--password, or one line on stdin).");
            return 2;
        }
        var result = await admins.CreateAsync(email, password, CancellationToken.None);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(result.Error);
            return 1;
        }
        Console.WriteLine(JsonSerializer.Serialize(new { id = result.Account!.Id, email = result.Account.Email }, Json));
        return 0;
    }

    private static async Task<int> CreateClientAsync(ApplicationService applications, CommandArguments options)
    {
        var name = options.Value("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            await Console.Error.WriteLineAsync("clients create needs --name.");
            return 2;
        }
        var created = await applications.CreateMachineToMachineAsync(name, options.Flag("management"), CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            name = created.Name,
            client_id = created.ClientId,
            client_secret = created.ClientSecret,
            app_type = created.AppType,
        }, Json));
        return 0;
    }
}
