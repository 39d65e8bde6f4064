using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation.Criteria;

/// <summary>A compiled outcome: its ranked scale and mastery threshold, and how a result maps onto them.</summary>
internal sealed class OutcomeScale
{
    private readonly ProficiencyLevel[] _ranked;
    private readonly double? _masteryPoints;
    private readonly int _masteryRank;

    public OutcomeScale(Outcome? outcome, string outcomeId)
    {
        OutcomeId = outcomeId;
        Name = outcome?.Name ?? outcomeId;
        _ranked = outcome is null ? [] : LevelRanking.Rank(outcome.Scale);
        _masteryPoints = outcome?.MasteryPoints;
        _masteryRank = Array.FindIndex(_ranked, l => l.IsMastery);
    }

    public string OutcomeId { get; }

    public string Name { get; }

    public int RankOf(string levelName) => LevelRanking.IndexOfName(_ranked, levelName);

    public string LevelName(int rank) => rank >= 0 && rank < _ranked.Length ? _ranked[rank].Name : "none";

    public OutcomeResult? Find(IReadOnlyList<OutcomeResult> results)
    {
        OutcomeResult? found = null;
        for (var i = 0; i < results.Count; i++)
        {
            if (string.Equals(results[i].OutcomeId, OutcomeId, StringComparison.Ordinal))
            {
                found = results[i];
            }
        }

        return found;
    }

    /// <summary>The rank of the level reached: by level id, then name, then the highest level whose points the score reaches.</summary>
    public int Rank(OutcomeResult result)
    {
        for (var i = 0; i < _ranked.Length; i++)
        {
            if (result.LevelId is not null && string.Equals(_ranked[i].Id, result.LevelId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        if (result.LevelName is { } name && LevelRanking.IndexOfName(_ranked, name) is var byName and >= 0)
        {
            return byName;
        }

        var rank = -1;
        if (result.Score is { } score)
        {
            for (var i = 0; i < _ranked.Length; i++)
            {
                if (_ranked[i].Points is { } points && score >= points)
                {
                    rank = i;
                }
            }
        }

        return rank;
    }

    /// <summary>Points of a result: its score, else the points of its level.</summary>
    public double? Score(OutcomeResult result)
    {
        if (result.Score is { } score)
        {
            return score;
        }

        var rank = Rank(result);
        return rank >= 0 ? _ranked[rank].Points : null;
    }

    /// <summary>Mastered: the LMS's own flag when given, else mastery points, else the mastery level of the scale.</summary>
    public bool IsMastered(OutcomeResult result)
    {
        if (result.Mastered is { } flag)
        {
            return flag;
        }

        if (_masteryPoints is { } threshold && Score(result) is { } score)
        {
            return score >= threshold;
        }

        return _masteryRank >= 0 && Rank(result) >= _masteryRank;
    }
}
