using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>
/// Orders rubric levels and proficiency-scale levels lowest first: by points when every level has points
/// (Canvas lists ratings highest first, Moodle lowest first; points settle it), else by list position.
/// </summary>
internal static class LevelRanking
{
    public static RubricLevel[] Rank(IReadOnlyList<RubricLevel> levels)
    {
        var ranked = levels.ToArray();
        if (Array.TrueForAll(ranked, l => l.Points.HasValue))
        {
            // OrderBy is stable: equal points keep list order.
            ranked = [.. ranked.OrderBy(l => l.Points!.Value)];
        }

        return ranked;
    }

    public static ProficiencyLevel[] Rank(IReadOnlyList<ProficiencyLevel> levels)
    {
        var ranked = levels.ToArray();
        if (Array.TrueForAll(ranked, l => l.Points.HasValue))
        {
            ranked = [.. ranked.OrderBy(l => l.Points!.Value)];
        }

        return ranked;
    }

    public static int IndexOfName(RubricLevel[] ranked, string name)
    {
        for (var i = 0; i < ranked.Length; i++)
        {
            if (string.Equals(ranked[i].Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public static int IndexOfName(ProficiencyLevel[] ranked, string name)
    {
        for (var i = 0; i < ranked.Length; i++)
        {
            if (string.Equals(ranked[i].Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(ranked[i].Id, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
