using System.Net;
using System.Net.Sockets;
using System.Text;
using Flowgate.Runtime.Sandbox;

namespace Flowgate.Tests.Runtime.Sandbox;

/// <summary>fetch against a local server, with the operator's opt-in for private addresses.</summary>
public sealed class FetchTests : IAsyncLifetime
{
    private readonly V8ActionSandbox _sandbox = new(new SandboxOptions { AllowPrivateNetworkFetch = true, FetchTimeout = TimeSpan.FromSeconds(5) });
    private readonly HttpListener _listener = new();
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _baseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_baseUrl);
        _listener.Start();
        _ = Task.Run(ServeAsync);
        return Task.CompletedTask;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            if (context.Request.Url!.AbsolutePath == "/slow")
            {
                await Task.Delay(3000);
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var reply = Encoding.UTF8.GetBytes($$"""{"method":"{{context.Request.HttpMethod}}","auth":"{{context.Request.Headers["Authorization"]}}","body":{{(body.Length == 0 ? "null" : body)}}}""");
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            context.Response.Headers["X-Trace"] = "t-1";
            await context.Response.OutputStream.WriteAsync(reply);
            context.Response.Close();
        }
    }

    [Fact]
    public async Task Sends_method_headers_and_json_body_and_reads_the_response()
    {
        var code = $$"""
            exports.onExecutePostLogin = async (event, api) => {
              const res = await fetch('{{_baseUrl}}users', { method: 'POST', headers: { Authorization: 'Bearer ' + event.secrets.TOKEN, 'Content-Type': 'application/json' }, body: JSON.stringify({ id: event.user.user_id }) });
              const data = await res.json();
              api.idToken.setCustomClaim('fetched', [res.status, res.ok, res.headers.get('x-trace'), data.method, data.auth, data.body.id]);
            };
            """;
        var result = await _sandbox.ExecuteAsync(ActionRequests.PostLogin(code, secrets: new Dictionary<string, string> { ["TOKEN"] = "abc" }), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("""["fetched",[201,true,"t-1","POST","Bearer abc","auth0|5f7c8ec7c33c6c004bbafe82"]]""", result.Commands.Single().Args());
        Assert.True(result.Stats.ExternalCallDurationMs > 0);
    }

    [Fact]
    public async Task A_fetch_timeout_rejects_with_a_clear_error()
    {
        var code = $$"""
            exports.onExecutePostLogin = async (event, api) => {
              try { await fetch('{{_baseUrl}}slow', { timeout: 100 }); } catch (e) { api.idToken.setCustomClaim('error', e.message); }
            };
            """;
        var result = await _sandbox.ExecuteAsync(ActionRequests.PostLogin(code), CancellationToken.None);

        Assert.Equal("""["error","fetch failed: the request timed out"]""", result.Commands.Single().Args());
    }

    [Fact]
    public async Task An_abort_signal_cancels_a_fetch_with_its_reason()
    {
        var code = $$"""
            exports.onExecutePostLogin = async (event, api) => {
              const outcome = async (init) => { try { await fetch('{{_baseUrl}}slow', init); return 'answered'; } catch (e) { return e.name + ': ' + e.message; } };
              const controller = new AbortController();
              const cancelled = outcome({ signal: controller.signal });
              controller.abort();
              api.idToken.setCustomClaim('outcomes', [
                await outcome({ signal: AbortSignal.timeout(50) }),
                await cancelled,
                await outcome({ signal: AbortSignal.abort(new Error('not needed')) }),
              ]);
            };
            """;
        var result = await _sandbox.ExecuteAsync(ActionRequests.PostLogin(code), CancellationToken.None);

        Assert.Equal("""["outcomes",["TimeoutError: The operation was aborted due to timeout","AbortError: This operation was aborted","Error: not needed"]]""",
            result.Commands.Single().Args());
        Assert.True(result.Stats.ActionDurationMs < 2000, $"took {result.Stats.ActionDurationMs} ms: the aborted requests were awaited");
    }

    public async Task DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _sandbox.DisposeAsync();
    }
}
