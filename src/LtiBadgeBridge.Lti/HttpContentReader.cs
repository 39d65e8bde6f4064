namespace LtiBadgeBridge.Lti;

/// <summary>Reads response bodies with a size cap, so a hostile or broken peer cannot exhaust memory.</summary>
internal static class HttpContentReader
{
    /// <summary>The body as bytes, or null when it exceeds <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } length && length > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
