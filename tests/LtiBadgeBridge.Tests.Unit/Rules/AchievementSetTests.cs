using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;
using static LtiBadgeBridge.Tests.Unit.Rules.RuleTestData;

namespace LtiBadgeBridge.Tests.Unit.Rules;

public sealed class AchievementSetTests
{
    private static readonly AchievementSet Set = new(
    [
        Compile(new AchievementsRule { AchievementIds = ["grade", "capstone"] }, id: "pathway"),
        Compile(CoursePercent(70), id: "grade"),
        Compile(ItemPercent(Capstone, 70), id: "capstone"),
    ]);

    private static readonly LearnerSnapshot Passing = Learner([Graded(Capstone, 90)], new CourseScore { FinalPercent = 80 });

    [Fact]
    public void Evaluate_StackedAchievement_IsMetInTheSamePass()
    {
        var results = Set.Evaluate(Passing, EarnedAchievements.None);

        Assert.Equal(["grade", "capstone", "pathway"], results.Select(r => r.Decision.AchievementId));
        Assert.All(results, r => Assert.Equal(AwardAction.CreateAwardIntent, r.Transition.Action));
    }

    [Fact]
    public void Evaluate_RevokedPrerequisite_IsNotReissuedAndBlocksThePathway()
    {
        var awards = new EarnedAchievements([new("capstone", AwardState.Revoked)]);

        var results = Set.Evaluate(Passing, awards).ToDictionary(r => r.Decision.AchievementId);

        Assert.Equal(DecisionStatus.Met, results["capstone"].Decision.Status);
        Assert.Equal(AwardAction.None, results["capstone"].Transition.Action);
        Assert.Equal(DecisionStatus.NotMet, results["pathway"].Decision.Status);
    }

    [Fact]
    public void Evaluate_SecondRunWithTheAwardsOfTheFirst_ChangesNothing()
    {
        var first = Set.Evaluate(Passing, EarnedAchievements.None, explain: false);
        var awards = new EarnedAchievements(first.Select(r => new KeyValuePair<string, AwardState>(r.Decision.AchievementId, r.Transition.NextState)));

        var second = Set.Evaluate(Passing, awards, explain: false);

        Assert.All(second, r => Assert.Equal(AwardAction.None, r.Transition.Action));
    }
}
