using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;
using static LtiBadgeBridge.Tests.Unit.Rules.RuleTestData;

namespace LtiBadgeBridge.Tests.Unit.Rules;

public sealed class MasteryRuleTests
{
    private static readonly RubricRule CapstoneProficient = new() { ItemId = Capstone, MinLevel = "Proficient" };

    [Theory]
    [InlineData("Proficient", "Exemplary", true)]
    [InlineData("Proficient", "Proficient", true)]
    [InlineData("Developing", "Proficient", false)]
    [InlineData("Exemplary", "Beginning", false)]
    public void Evaluate_RubricCriteria_RankLevelsByPointsNotListOrder(string architecture, string implementation, bool met)
    {
        var decision = Evaluate(CapstoneProficient, Learner(rubrics: [Rated(Capstone, architecture, implementation)]));

        Assert.Equal(met ? DecisionStatus.Met : DecisionStatus.NotMet, decision.Status);
        Assert.Equal(3, decision.Criteria.Count); // the rubric group and its two criteria
        Assert.True(decision.Criteria[0].IsGroup);
    }

    [Fact]
    public void Evaluate_RubricCriterionBelowLevel_ExplainsWhichCriterion()
    {
        var decision = Evaluate(CapstoneProficient, Learner(rubrics: [Rated(Capstone, "Developing", "Exemplary")]));

        var architecture = decision.Criteria.Single(c => c.Id == "rubric:20010/crit_architecture");
        Assert.Equal("Rubric 'Architecture': Developing, Proficient needed", architecture.Explanation);
        Assert.True(architecture.Blocking);
        Assert.Equal(1, decision.ShortBy);
        Assert.True(decision.Criteria.Single(c => c.Id == "rubric:20010/crit_implementation").Met);
    }

    [Fact]
    public void Evaluate_RubricMet_StatesLevelsAsResults()
    {
        var decision = Evaluate(CapstoneProficient, Learner(rubrics: [Rated(Capstone, "Exemplary", "Proficient")]));

        Assert.Equal(
            [("Capstone – Architecture", "Exemplary"), ("Capstone – Implementation", "Proficient")],
            decision.Results.Select(r => (r.Name, r.Value)));
        Assert.All(decision.Results, r => Assert.Equal(AchievedResult.Types.RubricCriterionLevel, r.ResultType));
    }

    [Fact]
    public void Evaluate_RubricReassessed_LatestAttemptCounts()
    {
        var learner = Learner(rubrics: [Rated(Capstone, "Proficient", "Proficient", attempt: 2), Rated(Capstone, "Beginning", "Beginning", attempt: 1)]);

        Assert.Equal(DecisionStatus.Met, Evaluate(CapstoneProficient, learner).Status);
    }

    [Theory]
    [InlineData("r3", null, null, true)]   // by level id
    [InlineData(null, null, 3.0, true)]    // by points
    [InlineData(null, null, 2.5, false)]   // points between levels: the level reached is Developing
    [InlineData(null, "proficient", null, true)] // name, case-insensitive
    public void Evaluate_RubricRating_MatchesByIdNameOrPoints(string? levelId, string? levelName, double? points, bool met)
    {
        var assessment = new RubricAssessment
        {
            ItemId = Capstone,
            Ratings =
            [
                new() { CriterionId = "crit_architecture", LevelId = levelId, LevelName = levelName, Points = points },
                new() { CriterionId = "crit_implementation", LevelName = "Exemplary" },
            ],
        };

        Assert.Equal(met, Evaluate(CapstoneProficient, Learner(rubrics: [assessment])).RulesMet);
    }

    [Fact]
    public void Evaluate_RubricRatingNotOnTheRubric_IsNotMetAndShowsWhatWasGiven()
    {
        var decision = Evaluate(CapstoneProficient, Learner(rubrics: [Rated(Capstone, "Outstanding", "Proficient")]));

        Assert.Equal(DecisionStatus.NotMet, decision.Status);
        Assert.Equal("Rubric 'Architecture': Outstanding, Proficient needed", decision.Criteria[1].Explanation);
    }

    [Fact]
    public void Evaluate_RubricCriterionNotRated_IsNotMet()
    {
        var assessment = new RubricAssessment { ItemId = Capstone, Ratings = [new() { CriterionId = "crit_implementation", LevelName = "Exemplary" }] };

        var decision = Evaluate(CapstoneProficient, Learner(rubrics: [assessment]));

        Assert.Equal("Rubric 'Architecture': not rated, Proficient needed", decision.Criteria[1].Explanation);
        Assert.Equal(1, decision.ShortBy);
    }

    [Fact]
    public void Evaluate_RubricNotAssessed_IsPending()
    {
        var decision = Evaluate(CapstoneProficient, Learner());

        Assert.Equal(CriterionStatus.Pending, decision.Criteria[0].Status);
        Assert.Equal("Capstone rubric: not assessed yet, Proficient or better needed on 2 criteria", decision.Criteria[0].Explanation);
        Assert.Equal(2, decision.ShortBy);
    }

    [Fact]
    public void Evaluate_RubricListedCriteriaOnly_IgnoresTheOthers()
    {
        var rule = CapstoneProficient with { Criteria = ["crit_implementation"] };

        var decision = Evaluate(rule, Learner(rubrics: [Rated(Capstone, "Beginning", "Proficient")]));

        Assert.Equal(DecisionStatus.Met, decision.Status);
    }

    [Theory]
    [InlineData("Mastery", 3.0, null, true)]
    [InlineData("Mastery", 2.9, null, false)]
    [InlineData("Near mastery", null, "Near mastery", true)]
    [InlineData("Exceeds mastery", null, "Mastery", false)]
    public void Evaluate_OutcomeAtOrAboveLevel(string minLevel, double? score, string? levelName, bool met)
    {
        var rule = new OutcomeRule { OutcomeId = OutcomeArchitecture, MinLevel = minLevel };
        var learner = Learner(outcomes: [new() { OutcomeId = OutcomeArchitecture, Score = score, LevelName = levelName }]);

        var criterion = Assert.Single(Evaluate(rule, learner).Criteria);

        Assert.Equal(met, criterion.Met);
    }

    [Fact]
    public void Evaluate_OutcomeBelowLevel_ExplainsLevels()
    {
        var rule = new OutcomeRule { OutcomeId = OutcomeArchitecture, MinLevel = "Mastery" };

        var criterion = Assert.Single(Evaluate(rule, Learner(outcomes: [new() { OutcomeId = OutcomeArchitecture, Score = 2 }])).Criteria);

        Assert.Equal("Outcome 'Cloud architecture': Near mastery, Mastery needed", criterion.Explanation);
    }

    [Fact]
    public void Evaluate_OutcomeMinScore_ComparesScore()
    {
        var rule = new OutcomeRule { OutcomeId = OutcomeArchitecture, MinScore = 2.5 };

        Assert.True(Evaluate(rule, Learner(outcomes: [new() { OutcomeId = OutcomeArchitecture, Score = 2.5 }])).RulesMet);
        Assert.False(Evaluate(rule, Learner(outcomes: [new() { OutcomeId = OutcomeArchitecture, Score = 2.4 }])).RulesMet);
    }

    public static TheoryData<string, OutcomeResult[], CriterionStatus> MasteredCases => new()
    {
        { "both mastered (points, Moodle level)", [new() { OutcomeId = OutcomeArchitecture, Score = 3 }, new() { OutcomeId = OutcomeSecurity, LevelId = "2" }], CriterionStatus.Met },
        { "LMS flag wins over points", [new() { OutcomeId = OutcomeArchitecture, Score = 1, Mastered = true }, new() { OutcomeId = OutcomeSecurity, LevelName = "Competent" }], CriterionStatus.Met },
        { "one below", [new() { OutcomeId = OutcomeArchitecture, Score = 2 }, new() { OutcomeId = OutcomeSecurity, LevelId = "2" }], CriterionStatus.NotMet },
        { "one not assessed yet", [new() { OutcomeId = OutcomeArchitecture, Score = 3 }], CriterionStatus.Pending },
    };

    [Theory]
    [MemberData(nameof(MasteredCases))]
    public void Evaluate_EveryOutcomeMastered(string scenario, OutcomeResult[] results, CriterionStatus expected)
    {
        var rule = new OutcomesMasteredRule { OutcomeIds = [OutcomeArchitecture, OutcomeSecurity] };

        var criterion = Assert.Single(Evaluate(rule, Learner(outcomes: results)).Criteria);

        Assert.True(expected == criterion.Status, scenario);
    }

    [Fact]
    public void Evaluate_OutcomeNotMastered_NamesIt()
    {
        var rule = new OutcomesMasteredRule { OutcomeIds = [OutcomeArchitecture, OutcomeSecurity] };
        var learner = Learner(outcomes: [new() { OutcomeId = OutcomeArchitecture, Score = 2 }, new() { OutcomeId = OutcomeSecurity, LevelId = "2" }]);

        var criterion = Assert.Single(Evaluate(rule, learner).Criteria);

        Assert.Equal("Outcomes: 1 of 2 mastered; not yet: 'Cloud architecture'", criterion.Explanation);
    }
}
