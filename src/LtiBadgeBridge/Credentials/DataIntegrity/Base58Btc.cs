using System.Numerics;
using System.Text;

namespace LtiBadgeBridge.Credentials.DataIntegrity;

/// <summary>Base58 with the Bitcoin alphabet, and multibase (<c>z</c> prefix) on top of it.</summary>
public static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly int[] Indexes = BuildIndexes();

    /// <summary>Encodes bytes as base58btc (no multibase prefix).</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var builder = new StringBuilder();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            builder.Insert(0, Alphabet[(int)remainder]);
        }

        builder.Insert(0, new string('1', zeros));
        return builder.ToString();
    }

    /// <summary>Decodes base58btc; returns false on a character outside the alphabet.</summary>
    public static bool TryDecode(string text, out byte[] data)
    {
        data = [];
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        BigInteger value = 0;
        foreach (var c in text)
        {
            var digit = c < Indexes.Length ? Indexes[c] : -1;
            if (digit < 0)
            {
                return false;
            }

            value = (value * 58) + digit;
        }

        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        data = new byte[zeros + body.Length];
        body.CopyTo(data, zeros);
        return true;
    }

    /// <summary>Multibase base58btc: <c>z</c> followed by the base58btc text.</summary>
    public static string EncodeMultibase(ReadOnlySpan<byte> data) => "z" + Encode(data);

    /// <summary>Decodes a multibase base58btc string (must start with <c>z</c>).</summary>
    public static bool TryDecodeMultibase(string? text, out byte[] data)
    {
        data = [];
        return text is { Length: > 1 } && text[0] == 'z' && TryDecode(text[1..], out data);
    }

    private static int[] BuildIndexes()
    {
        var indexes = new int[128];
        Array.Fill(indexes, -1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            indexes[Alphabet[i]] = i;
        }

        return indexes;
    }
}
