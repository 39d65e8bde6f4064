using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Achievements;

/// <summary>
/// The outcome of saving a definition: the achievement and its (possibly unchanged) version, or the
/// precise errors that refused it (nothing is saved then). Warnings may accompany success.
/// </summary>
public sealed record SaveAchievementResult
{
    public StoredAchievement? Achievement { get; init; }

    /// <summary>The version number now current (the existing one when the content did not change).</summary>
    public int Version { get; init; }

    /// <summary>True when this save created a new version (a new achievement or changed content).</summary>
    public bool Changed { get; init; }

    /// <summary>True when this save made the achievement active (a new achievement not saved as a draft, or a draft published).</summary>
    public bool Published { get; init; }

    public string? ContentHash { get; init; }

    public IReadOnlyList<DefinitionError> Errors { get; init; } = [];

    /// <summary>A stable code when refused for a reason other than the definition itself (e.g. <c>course_not_found</c>).</summary>
    public string? Code { get; init; }

    public bool Succeeded => Achievement is not null;

    public static SaveAchievementResult Refused(string code, string message) => new()
    {
        Code = code,
        Errors = [new DefinitionError { Code = code, Path = string.Empty, Message = message }],
    };
}
