using System.Buffers.Text;
using System.IO.Compression;

namespace LtiBadgeBridge.Credentials.StatusList;

/// <summary>
/// A W3C Bitstring Status List: at least 131,072 bits (16 KiB), bit 0 is the most significant bit of byte 0,
/// encoded as multibase base64url (<c>u</c> prefix, no padding) of the GZIP-compressed bytes.
/// </summary>
public sealed class BitstringStatusList
{
    /// <summary>The minimum length the spec requires, for herd privacy.</summary>
    public const int MinimumLength = 131_072;

    /// <summary>Upper bound on a decoded list (8 MiB = 64 Mi entries) so a hostile list cannot exhaust memory.</summary>
    public const int MaximumBytes = 8 * 1024 * 1024;

    private readonly byte[] _bits;

    /// <summary>A list of <paramref name="length"/> entries, all clear.</summary>
    public BitstringStatusList(int length = MinimumLength)
    {
        if (length < MinimumLength || length % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A status list has at least {MinimumLength} entries, a multiple of 8.");
        }

        _bits = new byte[length / 8];
    }

    private BitstringStatusList(byte[] bits) => _bits = bits;

    /// <summary>Number of entries.</summary>
    public int Length => _bits.Length * 8;

    /// <summary>Whether the bit at <paramref name="index"/> is set (revoked / suspended).</summary>
    public bool Get(int index)
    {
        CheckIndex(index);
        return (_bits[index >> 3] & (0x80 >> (index & 7))) != 0;
    }

    /// <summary>Sets or clears the bit at <paramref name="index"/>.</summary>
    public void Set(int index, bool value)
    {
        CheckIndex(index);
        var mask = (byte)(0x80 >> (index & 7));
        if (value)
        {
            _bits[index >> 3] |= mask;
        }
        else
        {
            _bits[index >> 3] &= (byte)~mask;
        }
    }

    /// <summary>The raw bytes (a copy), e.g. to store.</summary>
    public byte[] ToBytes() => (byte[])_bits.Clone();

    /// <summary>Restores a list from <see cref="ToBytes"/>.</summary>
    public static BitstringStatusList FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length * 8 < MinimumLength || bytes.Length > MaximumBytes)
        {
            throw new ArgumentException("The status list has the wrong size.", nameof(bytes));
        }

        return new BitstringStatusList(bytes.ToArray());
    }

    /// <summary>The <c>encodedList</c> value: <c>u</c> + base64url(gzip(bits)).</summary>
    public string Encode()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(_bits);
        }

        return "u" + Base64Url.EncodeToString(buffer.ToArray());
    }

    /// <summary>Decodes an <c>encodedList</c>; false when it is not a valid list.</summary>
    public static bool TryDecode(string? encodedList, out BitstringStatusList? list)
    {
        list = null;
        if (string.IsNullOrEmpty(encodedList) || encodedList[0] != 'u')
        {
            return false;
        }

        try
        {
            var compressed = Base64Url.DecodeFromChars(encodedList.AsSpan(1));
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                if (output.Length + read > MaximumBytes)
                {
                    return false;
                }

                output.Write(chunk, 0, read);
            }

            if (output.Length * 8 < MinimumLength)
            {
                return false;
            }

            list = new BitstringStatusList(output.ToArray());
            return true;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return false;
        }
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {Length} entries.");
        }
    }
}
