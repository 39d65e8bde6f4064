namespace LtiBadgeBridge.Issuance;

/// <summary>One allocated position in a status list.</summary>
public sealed record StatusSlot(long ListId, int Index);

/// <summary>A stored bitstring status list.</summary>
public sealed record StatusListRow
{
    public long Id { get; init; }
    public long PlatformId { get; init; }
    public required string Purpose { get; init; }
    public int Size { get; init; }
    public int NextIndex { get; init; }
    public required byte[] Bits { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
