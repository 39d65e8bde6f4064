namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>A definition read into a form; <see cref="RulesEditable"/> is false when its rules have a shape the form cannot show (edit the YAML then).</summary>
public sealed record FormReadResult
{
    public required AchievementForm Form { get; init; }

    public bool RulesEditable { get; init; } = true;
}
