// The sandbox worker and `actions test` run without the web host.
if (await Flowgate.Dashboard.Cli.RuntimeCommands.TryRunAsync(args) is int exitCode) { Environment.ExitCode = exitCode; return; }

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => "ok");
app.Run();
