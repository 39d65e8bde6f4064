using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;

namespace LtiBadgeBridge.Credentials.Baking;

/// <summary>
/// A plain default badge image for achievements without one: a filled circle with a lighter ring on a
/// transparent background (PNG, RGBA) or the same as SVG with the achievement's initials.
/// </summary>
public static class DefaultBadgeImage
{
    /// <summary>A <paramref name="size"/>×<paramref name="size"/> PNG in colour <paramref name="rgb"/> (0xRRGGBB).</summary>
    public static byte[] Png(int size = 256, int rgb = 0x1F5F8B)
    {
        if (size is < 16 or > 2048)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "Between 16 and 2048 pixels.");
        }

        var (r, g, b) = ((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
        var stride = (size * 4) + 1;
        var raw = new byte[stride * size];
        var center = (size - 1) / 2.0;
        var outer = size / 2.0;
        var ring = outer * 0.86;
        for (var y = 0; y < size; y++)
        {
            var row = y * stride; // filter byte 0 (None)
            for (var x = 0; x < size; x++)
            {
                var distance = Math.Sqrt(((x - center) * (x - center)) + ((y - center) * (y - center)));
                if (distance > outer)
                {
                    continue;
                }

                var light = distance > ring && distance < ring + (outer * 0.05);
                var p = row + 1 + (x * 4);
                raw[p] = light ? (byte)(r + ((255 - r) / 2)) : r;
                raw[p + 1] = light ? (byte)(g + ((255 - g) / 2)) : g;
                raw[p + 2] = light ? (byte)(b + ((255 - b) / 2)) : b;
                raw[p + 3] = 255;
            }
        }

        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type RGBA
        PngBaker.WriteChunk(output, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            PngBaker.WriteChunk(output, "IDAT", compressed.ToArray());
        }

        PngBaker.WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>An SVG badge showing up to two initials of <paramref name="name"/>.</summary>
    public static string Svg(string name, string colour = "#1F5F8B")
    {
        ArgumentNullException.ThrowIfNull(name);
        var initials = string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetterOrDigit(w[0])).Take(2).Select(w => char.ToUpperInvariant(w[0])));
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 256 256\" width=\"256\" height=\"256\">"
            + $"<circle cx=\"128\" cy=\"128\" r=\"128\" fill=\"{WebUtility.HtmlEncode(colour)}\"/>"
            + "<circle cx=\"128\" cy=\"128\" r=\"112\" fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.5\" stroke-width=\"6\"/>"
            + "<text x=\"128\" y=\"150\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"72\" fill=\"#ffffff\">"
            + WebUtility.HtmlEncode(initials) + "</text></svg>";
    }
}
