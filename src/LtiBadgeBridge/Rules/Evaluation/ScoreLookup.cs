using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>What counts of a learner's score on an item, after the attempt and state policy.</summary>
internal readonly record struct EffectiveScore(ScoreState State, double? Points, double? PointsPossible, bool Late, int Attempt)
{
    /// <summary>Missing counts as 0; no percentage without points possible (never divides by zero).</summary>
    public double? Percent => State switch
    {
        ScoreState.Graded when Points is { } p && PointsPossible is > 0 and var possible => p / possible * 100d,
        ScoreState.Missing when PointsPossible is > 0 => 0d,
        _ => null,
    };

    public double? CountedPoints => State switch
    {
        ScoreState.Graded => Points,
        ScoreState.Missing => 0d,
        _ => null,
    };
}

/// <summary>
/// The score policy. Resubmissions: the latest graded attempt counts, unless the latest attempt is
/// excused (then the item is excused). No entry at all means not submitted and not graded (ungraded).
/// Missing counts as 0. Points possible come from the score, else from the catalogue item.
/// </summary>
internal static class ScoreLookup
{
    public static EffectiveScore Find(IReadOnlyList<ItemScore> scores, string itemId, double? catalogueMaximum)
    {
        ItemScore? latest = null;
        ItemScore? latestGraded = null;
        for (var i = 0; i < scores.Count; i++)
        {
            var score = scores[i];
            if (!string.Equals(score.ItemId, itemId, StringComparison.Ordinal))
            {
                continue;
            }

            if (latest is null || score.Attempt >= latest.Attempt)
            {
                latest = score;
            }

            if (score.State == ScoreState.Graded && score.Score.HasValue && (latestGraded is null || score.Attempt >= latestGraded.Attempt))
            {
                latestGraded = score;
            }
        }

        if (latest is null)
        {
            return new EffectiveScore(ScoreState.Ungraded, null, catalogueMaximum, false, 0);
        }

        var chosen = latest.State == ScoreState.Excused ? latest : latestGraded ?? latest;
        var state = chosen.State == ScoreState.Graded && !chosen.Score.HasValue ? ScoreState.Ungraded : chosen.State;
        return new EffectiveScore(state, chosen.Score, chosen.PointsPossible ?? catalogueMaximum, chosen.Late, chosen.Attempt);
    }
}
