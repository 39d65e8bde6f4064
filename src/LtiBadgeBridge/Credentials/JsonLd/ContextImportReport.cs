namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>What an import or fetch did, per pinned context URL.</summary>
public sealed record ContextImportReport
{
    /// <summary>Contexts written to the cache.</summary>
    public required IReadOnlyList<string> Imported { get; init; }

    /// <summary>Contexts refused, with the reason (hash mismatch, too large, not JSON, HTTP error).</summary>
    public required IReadOnlyList<ContextRefusal> Refused { get; init; }

    /// <summary>Pinned contexts the source did not have.</summary>
    public required IReadOnlyList<string> Missing { get; init; }
}

/// <summary>A context that was not accepted. <see cref="Code"/> is stable: <c>hash_mismatch</c>, <c>too_large</c>, <c>invalid_json</c>, <c>not_pinned</c>, <c>fetch_failed</c>.</summary>
public sealed record ContextRefusal(string Url, string Code, string Message);
