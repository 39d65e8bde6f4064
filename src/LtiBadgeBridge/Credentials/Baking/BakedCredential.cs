using System.Text;

namespace LtiBadgeBridge.Credentials.Baking;

/// <summary>Finds the credential text in an uploaded file: a baked PNG or SVG, a JSON credential or a compact JWS.</summary>
public static class BakedCredential
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47];

    /// <summary>The OB 3.0 credential text (JSON or JWS) in <paramref name="content"/>, or null when there is none.</summary>
    public static string? Extract(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PngSignature))
        {
            return PngBaker.Read(content)?.Trim();
        }

        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF').Trim();
        if (text.StartsWith('<'))
        {
            return SvgBaker.Read(text)?.Trim();
        }

        return text.Length == 0 ? null : text;
    }
}
