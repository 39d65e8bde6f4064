using System.Buffers.Binary;
using System.Text;

namespace LtiBadgeBridge.Credentials.Baking;

/// <summary>
/// Bakes a credential into a PNG (OB 3.0 §5.3.1): an uncompressed <c>iTXt</c> chunk with keyword
/// <c>openbadgecredential</c> (OB 2.0: <c>openbadges</c>) whose text is the JSON credential or the compact JWS,
/// inserted before <c>IEND</c>. An existing chunk with the same keyword is replaced, never duplicated.
/// </summary>
public static class PngBaker
{
    public const string Ob3Keyword = "openbadgecredential";
    public const string Ob2Keyword = "openbadges";

    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Returns a copy of <paramref name="png"/> carrying <paramref name="text"/>.</summary>
    public static byte[] Bake(ReadOnlySpan<byte> png, string text, string keyword = Ob3Keyword)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(keyword);
        var chunks = ReadChunks(png);
        using var output = new MemoryStream(png.Length + text.Length + 64);
        output.Write(Signature);
        foreach (var chunk in chunks)
        {
            if (chunk.Type == "IEND")
            {
                WriteChunk(output, "iTXt", ITxtData(keyword, text));
            }

            if (chunk.Type == "iTXt" && KeywordOf(png.Slice(chunk.DataOffset, chunk.Length)) == keyword)
            {
                continue;
            }

            output.Write(png.Slice(chunk.DataOffset - 8, chunk.Length + 12));
        }

        return output.ToArray();
    }

    /// <summary>The text of the <c>iTXt</c> chunk with <paramref name="keyword"/>, or null when absent.</summary>
    public static string? Read(ReadOnlySpan<byte> png, string keyword = Ob3Keyword)
    {
        foreach (var chunk in ReadChunks(png))
        {
            if (chunk.Type != "iTXt")
            {
                continue;
            }

            var data = png.Slice(chunk.DataOffset, chunk.Length);
            if (KeywordOf(data) != keyword)
            {
                continue;
            }

            // keyword \0, compression flag, compression method, language tag \0, translated keyword \0, text
            var keywordEnd = data.IndexOf((byte)0);
            if (keywordEnd + 3 > data.Length)
            {
                throw new FormatException("The badge iTXt chunk is truncated.");
            }

            if (data[keywordEnd + 1] != 0)
            {
                throw new FormatException("The badge iTXt chunk is compressed; Open Badges forbids that.");
            }

            var rest = data[(keywordEnd + 3)..];
            var languageEnd = rest.IndexOf((byte)0);
            var translatedEnd = languageEnd < 0 ? -1 : rest[(languageEnd + 1)..].IndexOf((byte)0);
            if (translatedEnd < 0)
            {
                throw new FormatException("The badge iTXt chunk is truncated.");
            }

            rest = rest[(languageEnd + 1)..];
            return Encoding.UTF8.GetString(rest[(translatedEnd + 1)..]);
        }

        return null;
    }

    private static string KeywordOf(ReadOnlySpan<byte> data)
    {
        var end = data.IndexOf((byte)0);
        return end < 0 ? string.Empty : Encoding.Latin1.GetString(data[..end]);
    }

    private static byte[] ITxtData(string keyword, string text)
    {
        // keyword \0, compression flag 0, method 0, empty language tag \0, empty translated keyword \0, text.
        var keywordBytes = Encoding.Latin1.GetBytes(keyword);
        var textBytes = Encoding.UTF8.GetBytes(text);
        var data = new byte[keywordBytes.Length + 5 + textBytes.Length];
        keywordBytes.CopyTo(data, 0);
        textBytes.CopyTo(data, keywordBytes.Length + 5);
        return data;
    }

    internal static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, PngCrc.Compute(typeBytes, data));
        output.Write(word);
    }

    private static List<PngChunk> ReadChunks(ReadOnlySpan<byte> png)
    {
        if (png.Length < 8 || !png[..8].SequenceEqual(Signature))
        {
            throw new FormatException("Not a PNG file.");
        }

        var chunks = new List<PngChunk>();
        var offset = 8;
        while (offset + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[offset..]);
            if (length > int.MaxValue || offset + 12 + (long)length > png.Length)
            {
                throw new FormatException("Truncated PNG chunk.");
            }

            var type = Encoding.ASCII.GetString(png.Slice(offset + 4, 4));
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8 + (int)length)..]);
            if (PngCrc.Compute(png.Slice(offset + 4, 4 + (int)length)) != crc)
            {
                throw new FormatException($"PNG chunk {type} has a bad CRC.");
            }

            chunks.Add(new PngChunk(type, offset + 8, (int)length));
            offset += 12 + (int)length;
            if (type == "IEND")
            {
                return chunks;
            }
        }

        throw new FormatException("The PNG has no IEND chunk.");
    }

    private readonly record struct PngChunk(string Type, int DataOffset, int Length);
}
