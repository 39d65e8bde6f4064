using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;
using static LtiBadgeBridge.Tests.Unit.Rules.RuleTestData;

namespace LtiBadgeBridge.Tests.Unit.Rules;

public sealed class StackingAndCombinatorTests
{
    [Theory]
    [InlineData(new[] { "a", "b" }, null, true)]
    [InlineData(new[] { "a" }, null, false)]
    [InlineData(new[] { "a", "c", "e" }, 3, true)]
    [InlineData(new[] { "a", "c" }, 3, false)]
    public void Evaluate_Stacking_CountsEarnedAchievements(string[] earned, int? atLeast, bool met)
    {
        var rule = atLeast is null
            ? new AchievementsRule { AchievementIds = ["a", "b"] }
            : new AchievementsRule { AchievementIds = ["a", "b", "c", "d", "e"], Count = atLeast };

        Assert.Equal(met, Evaluate(rule, Learner(), EarnedAchievements.Of(earned)).RulesMet);
    }

    [Fact]
    public void Evaluate_RevokedPrerequisite_DoesNotCountAndIsNamed()
    {
        var rule = new AchievementsRule { AchievementIds = ["big-data", "cloud-computing"] };
        var earned = new EarnedAchievements([new("big-data", AwardState.Earned), new("cloud-computing", AwardState.Revoked)]);
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["cloud-computing"] = "Cloud Computing Fundamentals" };
        var compiled = AchievementCompiler.Compile(Definition(rule), Catalogue, names).Achievement!;

        var decision = compiled.Evaluate(Learner(), earned);

        Assert.False(decision.RulesMet);
        Assert.Equal("Achievements: 1 of 2 earned, all 2 needed; still to earn: Cloud Computing Fundamentals (revoked)", Assert.Single(decision.Criteria).Explanation);
    }

    [Fact]
    public void Evaluate_PendingApprovalPrerequisite_DoesNotCount()
    {
        var rule = new AchievementsRule { AchievementIds = ["a"] };
        var earned = new EarnedAchievements([new("a", AwardState.PendingApproval)]);

        Assert.False(Evaluate(rule, Learner(), earned).RulesMet);
    }

    public static TheoryData<string, Rule, bool, int> CombinatorCases => new()
    {
        // Learner: capstone 80 % (met), course 60 % (not met), no evidence (not met).
        { "all: two unmet", new AllRule { Rules = [ItemPercent(Capstone, 70), CoursePercent(70), new EvidenceRule { ItemId = Capstone }] }, false, 2 },
        { "any: one met", new AnyRule { Rules = [CoursePercent(70), ItemPercent(Capstone, 70)] }, true, 0 },
        { "any: none met, cheapest branch", new AnyRule { Rules = [new AllRule { Rules = [CoursePercent(70), new EvidenceRule { ItemId = Capstone }] }, CoursePercent(65)] }, false, 1 },
        { "atLeast 2 of 3: one met", new AtLeastRule { Count = 2, Rules = [ItemPercent(Capstone, 70), CoursePercent(70), new EvidenceRule { ItemId = Capstone }] }, false, 1 },
        { "atLeast 1 of 3", new AtLeastRule { Count = 1, Rules = [ItemPercent(Capstone, 70), CoursePercent(70), new EvidenceRule { ItemId = Capstone }] }, true, 0 },
        { "nested all inside any", new AnyRule { Rules = [new AllRule { Rules = [ItemPercent(Capstone, 70), CoursePercent(50)] }, CoursePercent(90)] }, true, 0 },
    };

    [Theory]
    [MemberData(nameof(CombinatorCases))]
    public void Evaluate_Combinators(string scenario, Rule rules, bool met, int shortBy)
    {
        var learner = Learner([Graded(Capstone, 80)], new CourseScore { FinalPercent = 60 });

        var decision = Evaluate(rules, learner);

        Assert.True(met == decision.RulesMet, scenario);
        Assert.Equal(shortBy, decision.ShortBy);
    }

    [Fact]
    public void Evaluate_UnmetLeafInsideMetAny_IsNotBlocking()
    {
        var rules = new AllRule
        {
            Rules = [new AnyRule { Rules = [CoursePercent(70), ItemPercent(Capstone, 70)] }, new EvidenceRule { ItemId = Capstone }],
        };

        var decision = Evaluate(rules, Learner([Graded(Capstone, 80)], new CourseScore { FinalPercent = 60 }));

        Assert.False(decision.Criteria.Single(c => c.Kind == RuleKinds.CourseScore).Blocking);
        Assert.True(decision.Criteria.Single(c => c.Kind == RuleKinds.Evidence).Blocking);
        Assert.Equal([0, 1, 2, 2, 1], decision.Criteria.Select(c => c.Depth));
        Assert.Equal("1 of 3 criteria met. Next: Evidence missing: submit your work", decision.Summary);
    }

    [Fact]
    public void Check_GivesTheSameStatusWithoutExplanations()
    {
        var rules = new AllRule { Rules = [ItemPercent(Capstone, 70), CoursePercent(70)] };
        var compiled = Compile(rules);
        var learner = Learner([Graded(Capstone, 80)], new CourseScore { FinalPercent = 60 });

        var quick = compiled.Check(learner, EarnedAchievements.None);
        var full = compiled.Evaluate(learner, EarnedAchievements.None);

        Assert.Equal(full.Status, quick.Status);
        Assert.Equal(full.ShortBy, quick.ShortBy);
        Assert.Empty(quick.Criteria);
        Assert.Equal(compiled.Version, quick.DefinitionVersion);
    }

    [Fact]
    public void Compile_DerivedCriterionIds_AreUniqueAndStable()
    {
        var rules = new AllRule { Rules = [ItemPercent(Capstone, 50), ItemPercent(Capstone, 70), CoursePercent(70)] };

        var compiled = Compile(rules);

        Assert.Equal(["itemScore:20010", "itemScore:20010#2", "courseScore:final"], compiled.Leaves.Select(l => l.Id));
    }
}
