namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>Settings for <see cref="ContextCache"/>.</summary>
public sealed record ContextCacheOptions
{
    /// <summary>The cache directory, normally <c>&lt;data directory&gt;/contexts</c>.</summary>
    public required string Directory { get; init; }

    /// <summary>Largest context document accepted, in bytes.</summary>
    public int MaxDocumentBytes { get; init; } = 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted in a context document.</summary>
    public int MaxDepth { get; init; } = 64;
}
