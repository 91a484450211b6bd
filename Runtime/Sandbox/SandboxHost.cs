using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.ClearScript;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// The only host object a context sees, handed to the prelude as an argument and never made
/// global. Public only because ClearScript exposes members of public types; every member is
/// opted in, and reflection (<c>GetType</c>) is refused by the engine.
/// Asynchronous work (fetch, timers) is started here and its reply is queued; the execution
/// delivers replies back into V8 itself, so all JavaScript runs inside calls the sandbox makes,
/// under the tenant's gate, where the deadline can interrupt it.
/// </summary>
[DefaultScriptUsage(ScriptAccess.None)]
public sealed class SandboxHost
{
    private readonly SandboxFetch _fetch;
    private Channel<HostReply>? _replies;
    private CancellationToken _cancellation;
    private long _externalTicks;

    internal SandboxHost(SandboxFetch fetch) => _fetch = fetch;

    // Created on the first host call of an execution: most executions never make one.
    internal ChannelReader<HostReply> Replies => (_replies ??= NewChannel()).Reader;

    internal TimeSpan ExternalTime => Stopwatch.GetElapsedTime(0, _externalTicks);

    internal void Begin(CancellationToken cancellation)
    {
        _replies = null;
        _cancellation = cancellation;
        _externalTicks = 0;
    }

    /// <summary>Starts host work: <c>fetch</c> (argument: the request as JSON) or <c>delay</c> (argument: milliseconds).</summary>
    [ScriptUsage(ScriptAccess.Full)]
    public void Start(int id, string kind, string argument)
    {
        var replies = (_replies ??= NewChannel()).Writer;
        var cancellation = _cancellation;
        _ = kind switch
        {
            "fetch" => ReplyAsync(replies, id, () => _fetch.SendAsync(argument, cancellation)),
            "delay" => ReplyAsync(replies, id, async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(double.Parse(argument, System.Globalization.CultureInfo.InvariantCulture), 0, int.MaxValue)), cancellation);
                return "";
            }),
            _ => ReplyAsync(replies, id, () => Task.FromException<string>(new ArgumentException($"Unknown host call {kind}"))),
        };
    }

    /// <summary>A digest of base64 data, as base64.</summary>
    [ScriptUsage(ScriptAccess.Full)]
    public string Digest(string algorithm, string dataBase64) =>
        Timed(() => Convert.ToBase64String(CryptoAlgorithms.Hash(algorithm, Convert.FromBase64String(dataBase64))));

    /// <summary>An HMAC of base64 data with a base64 key, as base64.</summary>
    [ScriptUsage(ScriptAccess.Full)]
    public string Hmac(string algorithm, string keyBase64, string dataBase64) =>
        Timed(() => Convert.ToBase64String(CryptoAlgorithms.Hmac(algorithm, Convert.FromBase64String(keyBase64), Convert.FromBase64String(dataBase64))));

    /// <summary>An RSA or EC key (PEM, certificate or JWK) described as JSON (<see cref="AsymmetricKeys.Describe"/>).</summary>
    [ScriptUsage(ScriptAccess.Full)]
    public string DescribeKey(string source, string format, bool publicHalf) => Timed(() => AsymmetricKeys.Describe(source, format, publicHalf));

    /// <summary>A signature of base64 data with a PEM private key, as JSON <c>{signature}</c> or <c>{error}</c>.</summary>
    [ScriptUsage(ScriptAccess.Full)]
    public string Sign(string hash, string pem, string dataBase64, bool pss, bool ieeeP1363) =>
        Timed(() => AsymmetricKeys.Sign(hash, pem, Convert.FromBase64String(dataBase64), pss, ieeeP1363));

    /// <summary>Checks a base64 signature of base64 data with a PEM key, as JSON <c>{valid}</c> or <c>{error}</c>.</summary>
    [ScriptUsage(ScriptAccess.Full)]
    public string Verify(string hash, string pem, string dataBase64, string signatureBase64, bool pss, bool ieeeP1363) =>
        Timed(() => AsymmetricKeys.Verify(hash, pem, Convert.FromBase64String(dataBase64), Convert.FromBase64String(signatureBase64), pss, ieeeP1363));

    /// <summary>Cryptographically random bytes, as base64.</summary>
    [ScriptUsage(ScriptAccess.Full)]
    public string Random(int size) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Math.Clamp(size, 0, 65536)));

    private async Task<bool> ReplyAsync(ChannelWriter<HostReply> replies, int id, Func<Task<string>> work)
    {
        var started = Stopwatch.GetTimestamp();
        HostReply reply;
        try
        {
            reply = new HostReply(id, true, await work());
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            reply = new HostReply(id, false, e.Message);
        }
        Interlocked.Add(ref _externalTicks, Stopwatch.GetTimestamp() - started);
        return replies.TryWrite(reply);
    }

    private static Channel<HostReply> NewChannel() => Channel.CreateUnbounded<HostReply>(new UnboundedChannelOptions { SingleReader = true });

    private string Timed(Func<string> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Interlocked.Add(ref _externalTicks, Stopwatch.GetTimestamp() - started);
        }
    }
}
