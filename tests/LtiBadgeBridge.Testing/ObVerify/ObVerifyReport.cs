using System.Text.Json.Serialization;

namespace LtiBadgeBridge.Testing.ObVerify;

/// <summary>The <c>--json</c> verdict of ob-verify: <c>{ ok, schema, results: [...] }</c> plus the exit code.</summary>
public sealed record ObVerifyReport
{
    [JsonPropertyName("ok")]
    public bool Ok { get; init; }

    [JsonPropertyName("schema")]
    public string? Schema { get; init; }

    [JsonPropertyName("results")]
    public IReadOnlyList<ObVerifyResult> Results { get; init; } = [];

    [JsonIgnore]
    public int ExitCode { get; init; }

    [JsonIgnore]
    public string StandardError { get; init; } = string.Empty;

    /// <summary>The result for the file whose name ends with <paramref name="fileName"/>.</summary>
    public ObVerifyResult For(string fileName) =>
        Results.SingleOrDefault(r => r.File.EndsWith(fileName, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"ob-verify reported no result for {fileName}.");

    public override string ToString() =>
        $"exit {ExitCode}; " + string.Join("; ", Results.Select(r => r.ToString())) + (StandardError.Length > 0 ? "; stderr: " + StandardError : string.Empty);
}

/// <summary>One file's verdict. <c>signature</c>, <c>schema</c>, <c>semantics</c>: true, false or null (unchecked).</summary>
public sealed record ObVerifyResult
{
    [JsonPropertyName("file")]
    public string File { get; init; } = string.Empty;

    [JsonPropertyName("format")]
    public string? Format { get; init; }

    [JsonPropertyName("proof")]
    public string? Proof { get; init; }

    [JsonPropertyName("signature")]
    public bool? Signature { get; init; }

    [JsonPropertyName("schema")]
    public bool? Schema { get; init; }

    [JsonPropertyName("semantics")]
    public bool? Semantics { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("warnings")]
    public IReadOnlyList<string> Warnings { get; init; } = [];

    [JsonPropertyName("errors")]
    public IReadOnlyList<string> Errors { get; init; } = [];

    [JsonPropertyName("ok")]
    public bool Ok { get; init; }

    public override string ToString() =>
        $"{Path.GetFileName(File)}: ok={Ok} format={Format} proof={Proof} signature={Signature} schema={Schema} "
        + $"semantics={Semantics} status={Status} warnings=[{string.Join(" | ", Warnings)}] errors=[{string.Join(" | ", Errors)}]";
}

/// <summary>What to hand ob-verify: files plus the keys, DID documents and static URLs to resolve offline.</summary>
public sealed record ObVerifyRequest
{
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>A JWKS file for VC-JWT.</summary>
    public string? Jwks { get; init; }

    public IReadOnlyList<string> DidDocuments { get; init; } = [];

    /// <summary>URL -> file served for it (status lists, profiles, contexts).</summary>
    public IReadOnlyDictionary<string, string> Statics { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Schema dir or file; defaults to <c>vectors/ob3/schema</c>. "none" skips the schema.</summary>
    public string? Schema { get; init; }
}
