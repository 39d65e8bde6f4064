using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Tests.Unit.Rules;

/// <summary>The course catalogues the pilot definitions in config/achievements name at the top of each file.</summary>
internal static class PilotCatalogues
{
    public static readonly CourseCatalogue BigData = Build("1001", "10010", "10019", "Capstone workshop: data pipeline", ["crit_pipeline", "crit_analysis", "crit_communication"]);

    public static readonly CourseCatalogue CloudComputing = Build("2001", "20010", "20019", "Capstone workshop: cloud deployment", ["crit_architecture", "crit_implementation", "crit_documentation"]);

    private static CourseCatalogue Build(string courseId, string capstoneId, string rubricId, string capstoneName, string[] criteria)
    {
        RubricLevel[] levels =
        [
            new() { Id = "exemplary", Name = "Exemplary", Points = 4 },
            new() { Id = "proficient", Name = "Proficient", Points = 3 },
            new() { Id = "developing", Name = "Developing", Points = 2 },
            new() { Id = "beginning", Name = "Beginning", Points = 1 },
        ];
        return new CourseCatalogue
        {
            CourseId = courseId,
            Items = [new() { Id = capstoneId, Name = capstoneName, PointsPossible = 100, RubricId = rubricId }],
            Rubrics = [new() { Id = rubricId, Criteria = [.. criteria.Select(c => new RubricCriterion { Id = c, Description = char.ToUpperInvariant(c[5]) + c[6..], Levels = levels })] }],
        };
    }
}
