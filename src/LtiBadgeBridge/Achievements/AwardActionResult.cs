namespace LtiBadgeBridge.Achievements;

/// <summary>The result of approving or revoking an award: success, or a stable code and a message.</summary>
public sealed record AwardActionResult
{
    public bool Succeeded { get; init; }

    public string? Code { get; init; }

    public string Message { get; init; } = string.Empty;

    public long AwardId { get; init; }

    /// <summary>The award's state afterwards (<c>earned</c>, <c>revoked</c>...); null when it no longer exists.</summary>
    public string? State { get; init; }

    public static AwardActionResult Ok(long awardId, string state, string message) => new() { Succeeded = true, AwardId = awardId, State = state, Message = message };

    public static AwardActionResult Fail(long awardId, string code, string message, string? state = null) => new() { AwardId = awardId, Code = code, Message = message, State = state };
}
