using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation.Criteria;

/// <summary>A rubric criterion with its levels ranked lowest first and the rank of the minimum level.</summary>
internal sealed class CompiledCriterion
{
    private readonly RubricLevel[] _ranked;

    public CompiledCriterion(RubricCriterion criterion, string minLevel, string ruleId, string itemName)
    {
        Id = criterion.Id;
        Name = criterion.Description ?? criterion.Id;
        Label = $"Rubric '{Name}'";
        ResultId = ruleId + "/" + criterion.Id;
        ResultName = itemName + " – " + Name;
        _ranked = LevelRanking.Rank(criterion.Levels);
        MinRank = LevelRanking.IndexOfName(_ranked, minLevel);
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>"Rubric 'Architecture'".</summary>
    public string Label { get; }

    /// <summary>The criterion id in results: "RULE/CRITERION".</summary>
    public string ResultId { get; }

    /// <summary>The result name on the credential: "Capstone – Architecture".</summary>
    public string ResultName { get; }

    public int MinRank { get; }

    public string LevelName(int rank) => _ranked[rank].Name;

    /// <summary>The rank of a rating: by level id, then name, then the highest level whose points it reaches; -1 if none.</summary>
    public int Rank(CriterionRating rating)
    {
        if (rating.LevelId is not null)
        {
            for (var i = 0; i < _ranked.Length; i++)
            {
                if (string.Equals(_ranked[i].Id, rating.LevelId, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        if (rating.LevelName is { } name && LevelRanking.IndexOfName(_ranked, name) is var byName and >= 0)
        {
            return byName;
        }

        var rank = -1;
        if (rating.Points is { } points)
        {
            for (var i = 0; i < _ranked.Length; i++)
            {
                if (_ranked[i].Points is { } levelPoints && points >= levelPoints)
                {
                    rank = i;
                }
            }
        }

        return rank;
    }
}
