using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>
/// The pipe protocol between the supervisor and a worker: each message is a 4-byte little-endian
/// length followed by that many bytes of UTF-8 JSON.
/// </summary>
internal static class WorkerFraming
{
    public const int MaxMessageBytes = 64 << 20;

    public static async Task WriteAsync<T>(Stream stream, T message, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message, JsonSerializerOptions.Web);
        var frame = new byte[4 + body.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, body.Length);
        body.CopyTo(frame, 4);
        await stream.WriteAsync(frame, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Writes one message synchronously: frames are small, and a blocking write on a pipe beats an async hop.</summary>
    public static void Write<T>(Stream stream, T message, JsonTypeInfo<T> type)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message, type);
        var frame = new byte[4 + body.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, body.Length);
        body.CopyTo(frame, 4);
        stream.Write(frame);
        stream.Flush();
    }

    /// <summary>
    /// Reads one message with blocking reads, for a dedicated reader thread: on Linux, async reads of
    /// anonymous pipes are blocking reads on the thread pool anyway, with an extra hop. Null at the end.
    /// </summary>
    public static T? Read<T>(Stream stream, JsonTypeInfo<T> type) where T : class =>
        ReadFrame(stream) is { } body ? JsonSerializer.Deserialize(body, type) : null;

    /// <summary>Reads one frame's body with blocking reads; null at the end of the stream.</summary>
    public static byte[]? ReadFrame(Stream stream)
    {
        var header = new byte[4];
        if (!ReadExactlyOrEnd(stream, header))
        {
            return null;
        }
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is < 0 or > MaxMessageBytes)
        {
            throw new InvalidDataException($"A sandbox worker message of {length} bytes is out of range.");
        }
        var body = new byte[length];
        return ReadExactlyOrEnd(stream, body) ? body : null;
    }

    private static bool ReadExactlyOrEnd(Stream stream, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                return false;
            }
            read += n;
        }
        return true;
    }

    /// <summary>Reads one message; null at the end of the stream.</summary>
    public static async Task<T?> ReadAsync<T>(Stream stream, CancellationToken cancellationToken) where T : class
    {
        var header = new byte[4];
        if (!await ReadExactlyOrEndAsync(stream, header, cancellationToken))
        {
            return null;
        }
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is < 0 or > MaxMessageBytes)
        {
            throw new InvalidDataException($"A sandbox worker message of {length} bytes is out of range.");
        }
        var body = new byte[length];
        if (!await ReadExactlyOrEndAsync(stream, body, cancellationToken))
        {
            return null;
        }
        return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web);
    }

    private static async Task<bool> ReadExactlyOrEndAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return false;
            }
            read += n;
        }
        return true;
    }
}
