namespace LtiBadgeBridge.Rules.Snapshots;

/// <summary>The lifecycle state of a learner's award of one achievement.</summary>
public enum AwardState
{
    None,

    /// <summary>Eligible and waiting for an instructor's approval.</summary>
    PendingApproval,

    Earned,

    /// <summary>Revoked by an instructor; never re-issued and never counted for stacking.</summary>
    Revoked,
}

/// <summary>
/// The states of a learner's other awards, read by stacking rules. Only <see cref="AwardState.Earned"/>
/// counts; revoked and pending awards do not.
/// </summary>
public sealed class EarnedAchievements
{
    private readonly Dictionary<string, AwardState> _states;

    public EarnedAchievements(IEnumerable<KeyValuePair<string, AwardState>> states)
    {
        _states = new Dictionary<string, AwardState>(StringComparer.Ordinal);
        foreach (var pair in states)
        {
            _states[pair.Key] = pair.Value;
        }
    }

    public static EarnedAchievements None { get; } = new([]);

    /// <summary>Awards in state <see cref="AwardState.Earned"/> for the given achievement ids.</summary>
    public static EarnedAchievements Of(params string[] earnedIds)
    {
        var pairs = new KeyValuePair<string, AwardState>[earnedIds.Length];
        for (var i = 0; i < earnedIds.Length; i++)
        {
            pairs[i] = new(earnedIds[i], AwardState.Earned);
        }

        return new(pairs);
    }

    public int Count => _states.Count;

    public AwardState StateOf(string achievementId) =>
        _states.TryGetValue(achievementId, out var state) ? state : AwardState.None;

    public bool IsEarned(string achievementId) => StateOf(achievementId) == AwardState.Earned;

    /// <summary>A copy with one more state, for evaluating a set of definitions in dependency order.</summary>
    public EarnedAchievements With(string achievementId, AwardState state)
    {
        var copy = new EarnedAchievements(_states);
        copy._states[achievementId] = state;
        return copy;
    }
}
