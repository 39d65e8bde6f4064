namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>
/// A message for one field of an <see cref="AchievementForm"/>: <see cref="Field"/> is the field's bound
/// name relative to the form (e.g. <c>Name</c>, <c>Rules[1].Threshold</c>), empty for the form as a whole.
/// </summary>
public sealed record FormFieldError
{
    public required string Field { get; init; }

    public required string Code { get; init; }

    public required string Message { get; init; }

    public bool IsWarning { get; init; }
}
