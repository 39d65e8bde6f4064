namespace LtiBadgeBridge.Issuance;

/// <summary>What one issuance batch did.</summary>
public sealed record IssuanceBatchResult
{
    /// <summary>Intents claimed and settled (issued, already issued, or not issuable).</summary>
    public int Processed { get; init; }

    /// <summary>Credentials this batch inserted.</summary>
    public int Issued { get; init; }

    /// <summary>Awards that already had a credential (a retry or a duplicate).</summary>
    public int AlreadyIssued { get; init; }

    /// <summary>Awards skipped: not earned, or not found.</summary>
    public int Skipped { get; init; }

    /// <summary>Credentials issued without a Data Integrity copy (e.g. JSON-LD contexts missing).</summary>
    public int WithoutDataIntegrity { get; init; }
}
