using System.Text;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// Reads the entries of an unzipped npm tarball. Not System.Formats.Tar: it rejects the base-256
/// uid/gid fields npm's node-tar wrote in 2013–2015, still found in widely used packages
/// (buffer-equal-constant-time, which jsonwebtoken depends on). Understands ustar names with their
/// prefix, pax <c>path</c>/<c>size</c> records and GNU long names; ignores the rest of a header
/// (owners, modes, times: nothing of it is applied to the files written).
/// </summary>
internal sealed class NpmTarReader(Stream stream)
{
    private const int Block = 512;
    // A pax header or long name is a few hundred bytes; more is not a name but an attack on memory.
    private const int MaxMetadataBytes = 64 << 10;

    private readonly byte[] _header = new byte[Block];
    private long _remaining;

    /// <summary>One entry: its full name, its type flag ('0' file, '5' folder, '2' symlink, ...) and its size.</summary>
    public readonly record struct Entry(string Name, char Type, long Size)
    {
        public bool IsFile => Type is '0' or '\0' or '7';
    }

    /// <summary>The next entry (the previous one's unread data is skipped); null at the end of the archive.</summary>
    public Entry? Next()
    {
        Skip(_remaining);
        string? longName = null;
        Dictionary<string, string>? pax = null;
        while (ReadBlock(_header) && _header.Any(b => b != 0))
        {
            var type = (char)_header[156];
            var size = pax?.TryGetValue("size", out var paxSize) == true ? ParsePaxNumber(paxSize) : Number(_header.AsSpan(124, 12));
            switch (type)
            {
                case 'x':
                    pax = ParsePax(Metadata(size));
                    continue;
                case 'L':
                    longName = Encoding.UTF8.GetString(Metadata(size)).TrimEnd('\0');
                    continue;
                case 'g' or 'K':
                    Skip(Padded(size));
                    continue;
            }
            _remaining = Padded(size);
            var name = longName ?? (pax?.TryGetValue("path", out var path) == true ? path : UstarName());
            return new Entry(name, type, size);
        }
        return null;
    }

    /// <summary>Copies the current entry's data.</summary>
    public void CopyData(Entry entry, Stream destination)
    {
        var buffer = new byte[81920];
        for (var left = entry.Size; left > 0;)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) throw new EndOfStreamException("the archive ends inside a file");
            destination.Write(buffer, 0, read);
            left -= read;
            _remaining -= read;
        }
    }

    private string UstarName()
    {
        var name = Text(_header.AsSpan(0, 100));
        var ustar = _header.AsSpan(257, 5).SequenceEqual("ustar"u8);
        var prefix = ustar ? Text(_header.AsSpan(345, 155)) : "";
        return prefix.Length > 0 ? prefix + "/" + name : name;
    }

    private byte[] Metadata(long size)
    {
        if (size is < 0 or > MaxMetadataBytes) throw new InvalidDataException($"a tar header of {size} bytes");
        var data = new byte[size];
        stream.ReadExactly(data);
        Skip(Padded(size) - size);
        return data;
    }

    // Records are "<length> <key>=<value>\n"; only path and size matter here.
    private static Dictionary<string, string> ParsePax(byte[] data)
    {
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(data).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ');
            var equals = line.IndexOf('=', space + 1);
            if (space > 0 && equals > space) records[line[(space + 1)..equals]] = line[(equals + 1)..];
        }
        return records;
    }

    private static long ParsePaxNumber(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : throw new InvalidDataException($"a pax size of '{text}'");

    // Octal digits, or base-256 (big-endian, high bit of the first byte set) for values octal cannot hold.
    private static long Number(ReadOnlySpan<byte> field)
    {
        if ((field[0] & 0x80) != 0)
        {
            long value = field[0] & 0x7F;
            foreach (var b in field[1..])
            {
                if (value > long.MaxValue >> 8) throw new InvalidDataException("a tar number out of range");
                value = (value << 8) | b;
            }
            return value;
        }
        long octal = 0;
        foreach (var b in field)
        {
            if (b is 0 or (byte)' ') continue;
            if (b is < (byte)'0' or > (byte)'7' || octal > long.MaxValue >> 3) throw new InvalidDataException("a malformed tar number");
            octal = (octal << 3) | (long)(b - '0');
        }
        return octal;
    }

    private static long Padded(long size) => (size + Block - 1) / Block * Block;

    private static string Text(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }

    private bool ReadBlock(byte[] block) => stream.ReadAtLeast(block, Block, throwOnEndOfStream: false) == Block;

    private void Skip(long count)
    {
        var buffer = new byte[Math.Min(count, 81920)];
        while (count > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0) throw new EndOfStreamException("the archive ends inside an entry");
            count -= read;
        }
        _remaining = 0;
    }
}
