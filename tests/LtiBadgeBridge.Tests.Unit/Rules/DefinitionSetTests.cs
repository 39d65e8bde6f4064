using LtiBadgeBridge.Rules.Definitions;
using static LtiBadgeBridge.Tests.Unit.Rules.RuleTestData;

namespace LtiBadgeBridge.Tests.Unit.Rules;

public sealed class DefinitionSetTests
{
    private static AchievementDefinition Stack(string id, params string[] requires) =>
        requires.Length == 0
            ? Definition(CoursePercent(70), id)
            : Definition(new AchievementsRule { AchievementIds = requires }, id);

    [Fact]
    public void Validate_StackingCycle_IsReportedOnce()
    {
        var errors = DefinitionSet.Validate([Stack("a", "b"), Stack("b", "c"), Stack("c", "a"), Stack("d")]);

        var error = Assert.Single(errors);
        Assert.Equal(DefinitionErrorCodes.StackingCycle, error.Code);
        Assert.Equal("stacking cycle: a → b → c → a", error.Message);
    }

    [Fact]
    public void Validate_StackingCycleInFiles_PointsAtTheLine()
    {
        const string a = "id: a\nname: A\ndescription: d\ncriteria: c\nachievementType: Badge\nrules:\n  achievements: [b]\n";
        const string b = "id: b\nname: B\ndescription: d\ncriteria: c\nachievementType: Badge\nrules:\n  achievements:\n    - a\n";

        var errors = DefinitionSet.Validate([AchievementDefinitionReader.Read(a, "a.yaml"), AchievementDefinitionReader.Read(b, "b.yaml")]);

        var error = Assert.Single(errors);
        Assert.Equal("a.yaml", error.Source);
        Assert.Equal(7, error.Line);
    }

    [Fact]
    public void Validate_UnknownAndDuplicateAchievements()
    {
        var errors = DefinitionSet.Validate([Stack("a", "zz"), Stack("a"), Stack("c", "institution-badge")], externalIds: ["institution-badge"]);

        Assert.Equal([DefinitionErrorCodes.DuplicateAchievementId, DefinitionErrorCodes.UnknownAchievement], errors.Select(e => e.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EvaluationOrder_PutsPrerequisitesFirstAndLeavesCyclesOut()
    {
        var order = DefinitionSet.EvaluationOrder([Stack("pathway", "a", "b"), Stack("a"), Stack("b", "a"), Stack("x", "y"), Stack("y", "x")]);

        Assert.Equal(["a", "b", "pathway"], order);
    }
}
