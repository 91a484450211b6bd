using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>
/// The SMS provider of the tests: a loopback endpoint the send-phone-message Action posts each message to with
/// <c>fetch</c>, as a Twilio Action would. Execution records keep no codes or numbers, so this is where a test reads them.
/// </summary>
internal static class SmsGateway
{
    private static readonly List<JsonElement> Received = [];
    private static readonly Lazy<string> Listening = new(Start);

    /// <summary>Where the Action posts (starts the listener on first use).</summary>
    public static string Url => Listening.Value;

    /// <summary>The last message posted for this user: <c>message_options</c> plus <c>user_id</c>.</summary>
    public static JsonElement LastFor(string userId)
    {
        lock (Received)
            return Received.Last(m => m.GetProperty("user_id").GetString() == userId);
    }

    private static string Start()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var url = $"http://127.0.0.1:{port}/sms/";
        var listener = new HttpListener();
        listener.Prefixes.Add(url);
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                var context = await listener.GetContextAsync();
                var message = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.InputStream);
                lock (Received)
                    Received.Add(message);
                context.Response.StatusCode = 201;
                context.Response.Close();
            }
        });
        return url;
    }
}
