namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>One skills alignment row of an <see cref="AchievementForm"/> (left out when the name and URL are empty).</summary>
public sealed class AlignmentInput
{
    public string? TargetName { get; set; }

    public string? TargetUrl { get; set; }

    public string? TargetFramework { get; set; }

    public string? TargetCode { get; set; }

    public string? TargetType { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(TargetName) && string.IsNullOrWhiteSpace(TargetUrl)
        && string.IsNullOrWhiteSpace(TargetFramework) && string.IsNullOrWhiteSpace(TargetCode);
}
