using Flowgate.Shared.Execution;

namespace Flowgate.Tests.Runtime.Sandbox;

public sealed class SandboxBasicsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private Task<ActionExecutionResult> Run(ActionExecutionRequest request) => fixture.Sandbox.ExecuteAsync(request, CancellationToken.None);

    [Fact]
    public async Task Records_commands_in_call_order_with_their_arguments()
    {
        var result = await Run(ActionRequests.PostLogin("""
            exports.onExecutePostLogin = async (event, api) => {
              api.idToken.setCustomClaim('https://x/roles', ['Admin']).accessToken.setCustomClaim('https://x/n', 1);
              console.log('hello', event.user.email, { a: 1 });
            };
            """));

        Assert.Null(result.Error);
        Assert.Equal(["idToken.setCustomClaim", "accessToken.setCustomClaim"], result.Commands.Select(c => c.Method));
        Assert.Equal("""["https://x/roles",["Admin"]]""", result.Commands[0].Args());
        Assert.Equal(["hello j+smith@example.com { a: 1 }"], result.Logs);
    }

    [Fact]
    public async Task Module_exports_object_and_secrets_work()
    {
        var result = await Run(ActionRequests.PostLogin("""
            module.exports = { onExecutePostLogin: async (event, api) => { api.idToken.setCustomClaim('k', event.secrets.KEY); } };
            """, secrets: new Dictionary<string, string> { ["KEY"] = "s3cret" }));

        Assert.Null(result.Error);
        Assert.Equal("""["k","s3cret"]""", result.Commands.Single().Args());
    }

    [Fact]
    public async Task An_uncaught_error_comes_back_with_name_message_and_stack()
    {
        var result = await Run(ActionRequests.PostLogin("""
            exports.onExecutePostLogin = async (event, api) => {
              api.access.deny('first');
              throw new TypeError('bad input');
            };
            """));

        Assert.Equal("TypeError", result.Error!.Name);
        Assert.Equal("bad input", result.Error.Message);
        Assert.True(result.Error.Stack!.Contains("action.js:3"), result.Error.Stack);
        Assert.Equal(ActionErrorClass.ActionError, result.Error.Class);
        Assert.Single(result.Commands);
    }

    [Fact]
    public async Task A_syntax_error_is_an_action_error()
    {
        var result = await Run(ActionRequests.PostLogin("exports.onExecutePostLogin = async (event, api) => { api.access.deny( };"));

        Assert.Equal("SyntaxError", result.Error!.Name);
        Assert.Equal(ActionErrorClass.ActionError, result.Error.Class);
    }

    [Fact]
    public async Task Warm_executions_reuse_the_compiled_version()
    {
        var request = ActionRequests.PostLogin("exports.onExecutePostLogin = async (event, api) => { api.multifactor.enable('any'); };");
        var cold = await Run(request);
        var warm = await Run(request);

        Assert.False(cold.Stats.Warm);
        Assert.True(cold.Stats.BootDurationMs > 0);
        Assert.True(warm.Stats.Warm);
        Assert.Equal(0, warm.Stats.BootDurationMs);
    }
}
