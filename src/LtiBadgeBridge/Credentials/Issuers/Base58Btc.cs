using System.Text;

namespace LtiBadgeBridge.Credentials.Issuers;

/// <summary>Base58 (Bitcoin alphabet), as used by multibase 'z'.</summary>
internal static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        var digits = new byte[(data.Length * 138 / 100) + 1];
        var length = 0;
        foreach (var b in data[zeros..])
        {
            var carry = (int)b;
            for (var i = 0; i < length || carry != 0; i++)
            {
                if (i == length)
                {
                    length++;
                }

                carry += digits[i] * 256;
                digits[i] = (byte)(carry % 58);
                carry /= 58;
            }
        }

        var builder = new StringBuilder(zeros + length);
        builder.Append('1', zeros);
        for (var i = length - 1; i >= 0; i--)
        {
            builder.Append(Alphabet[digits[i]]);
        }

        return builder.ToString();
    }

    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        var bytes = new byte[text.Length];
        var length = 0;
        foreach (var c in text.AsSpan(zeros))
        {
            var carry = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (carry < 0)
            {
                throw new FormatException("Invalid base58 character.");
            }

            for (var i = 0; i < length || carry != 0; i++)
            {
                if (i == length)
                {
                    length++;
                }

                carry += bytes[i] * 58;
                bytes[i] = (byte)(carry & 0xff);
                carry >>= 8;
            }
        }

        var result = new byte[zeros + length];
        for (var i = 0; i < length; i++)
        {
            result[zeros + i] = bytes[length - 1 - i];
        }

        return result;
    }
}
