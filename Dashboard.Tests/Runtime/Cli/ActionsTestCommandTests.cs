using System.Text.Json;
using Flowgate.Runtime.Cli;

namespace Flowgate.Tests.Runtime.Cli;

public sealed class ActionsTestCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flowgate-cli-").FullName;

    private string File(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Exit, JsonElement Output, string Errors)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await ActionsTestCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        var text = stdout.ToString();
        return (exit, text.Length > 0 ? JsonSerializer.Deserialize<JsonElement>(text) : default, stderr.ToString());
    }

    [Fact]
    public async Task Prints_commands_logs_error_and_stats_as_one_json_object()
    {
        var code = File("action.js", "exports.onExecutePostLogin = async (event, api) => { console.log(event.secrets.K); api.idToken.setCustomClaim('https://x/roles', ['Admin']); api.access.deny('no'); };");
        var eventPath = File("event.json", """{ "user": { "user_id": "auth0|1" }, "request": { "ip": "1.2.3.4" } }""");

        var (exit, output, _) = await Run("--trigger", "post-login", "--code", code, "--event", eventPath, "--secret", "K=V1", "--repeat", "20", "--in-process");

        Assert.Equal(0, exit);
        Assert.Equal("""[{"method":"idToken.setCustomClaim","args":["https://x/roles",["Admin"]]},{"method":"access.deny","args":["no"]}]""", Compact(output.GetProperty("commands")));
        Assert.Equal("""["V1"]""", Compact(output.GetProperty("logs")));
        Assert.Equal(JsonValueKind.Null, output.GetProperty("error").ValueKind);
        Assert.True(output.GetProperty("stats").GetProperty("median_us").GetDouble() > 0);
        Assert.True(output.GetProperty("stats").TryGetProperty("p99_us", out _));
    }

    [Fact]
    public async Task A_throwing_action_exits_nonzero_with_its_error()
    {
        var code = File("throws.js", "exports.onExecutePostLogin = async () => { throw new TypeError('bad'); };");

        var (exit, output, _) = await Run("--trigger", "post-login", "--code", code, "--in-process");

        Assert.Equal(1, exit);
        Assert.Equal("TypeError", output.GetProperty("error").GetProperty("name").GetString());
        Assert.Contains("action.js", output.GetProperty("error").GetProperty("stack").GetString());
    }

    [Fact]
    public async Task Invalid_arguments_print_usage()
    {
        var (exit, _, errors) = await Run("--trigger", "post-login");

        Assert.Equal(2, exit);
        Assert.Contains("usage: actions test", errors);
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
