using System.Text.Json;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Rules.Snapshots;
using LtiBadgeBridge.Snapshots;

namespace LtiBadgeBridge.Tests.Unit.Achievements;

public sealed class SnapshotMappingTests
{
    private static readonly Course Course = new() { Id = 7, PlatformId = 1, DeploymentId = "1:x", ContextId = "ctx-abc", LmsCourseId = "2001" };

    private static readonly SnapshotItem Capstone = new() { Id = 70, Source = "canvas", SourceId = "20010", Title = "Capstone", PointsPossible = 100, Details = """{"rubricId":"20019","gradedAsGroup":true}""" };

    private static readonly Dictionary<long, string> SourceIds = new() { [70] = "20010", [71] = "20001" };

    [Fact]
    public void Catalogue_ItemsCarryLmsIdsAndDetails()
    {
        var catalogue = SnapshotMapping.ToCatalogue(Course, [Capstone, new SnapshotItem { Id = 71, Source = "ags", SourceId = "https://lms/lineitems/1", Title = "Line item", Kind = "lineitem" }], []);

        Assert.Equal("2001", catalogue.CourseId);
        var item = catalogue.FindItem("20010")!;
        Assert.Equal("Capstone", item.Name);
        Assert.Equal(100, item.PointsPossible);
        Assert.Equal("20019", item.RubricId);
        Assert.True(item.GradedAsGroup);
        Assert.Equal(ItemKind.LineItem, catalogue.FindItem("https://lms/lineitems/1")!.Kind);
    }

    [Fact]
    public void Catalogue_WithoutLmsCourseId_UsesTheContextId()
    {
        Assert.Equal("ctx-abc", SnapshotMapping.ToCatalogue(Course with { LmsCourseId = null }, [], []).CourseId);
    }

    [Fact]
    public void Catalogue_RubricsAndOutcomesComeFromEntries_EnumsAsNamesOrNumbers()
    {
        var rubric = new Rubric { Id = "20019", Criteria = [new RubricCriterion { Id = "crit_a", Levels = [new RubricLevel { Id = "r1", Name = "Proficient", Points = 3 }] }] };
        var entries = new List<CatalogueEntry>
        {
            new() { Kind = "rubric", SourceId = "20019", Title = "Capstone rubric", Details = JsonSerializer.Serialize(rubric, JsonSerializerOptions.Web) },
            new() { Kind = "outcome", SourceId = "77", Title = "Cloud design", Details = """{"id":"77","source":1,"masteryPoints":3,"scale":[{"name":"Mastery","points":3,"isMastery":true}]}""" },
            new() { Kind = "outcome", SourceId = "78", Title = "Named", Details = """{"id":"78","source":"moodleCompetency"}""" },
            new() { Kind = "outcome", SourceId = "79", Title = "Broken", Details = "{not json" },
        };

        var catalogue = SnapshotMapping.ToCatalogue(Course, [], entries);

        var mapped = Assert.Single(catalogue.Rubrics);
        Assert.Equal("Capstone rubric", mapped.Title);
        Assert.Equal("Proficient", mapped.FindCriterion("crit_a")!.Levels[0].Name);
        Assert.Equal(2, catalogue.Outcomes.Count);
        Assert.Equal(OutcomeSource.MoodleCompetency, catalogue.FindOutcome("77")!.Source);
        Assert.Equal(3, catalogue.FindOutcome("77")!.MasteryPoints);
        Assert.Equal("Cloud design", catalogue.FindOutcome("77")!.Name);
        Assert.Equal(OutcomeSource.MoodleCompetency, catalogue.FindOutcome("78")!.Source);
        Assert.Null(catalogue.FindOutcome("79"));
    }

    [Theory]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", true)]
    [InlineData("Learner", true)]
    [InlineData("StudentEnrollment", true)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor", false)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor", false)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant", false)]
    [InlineData("", false)]
    public void IsLearner_ReadsLtiRoles(string roles, bool expected) => Assert.Equal(expected, SnapshotMapping.IsLearner(roles));

    [Fact]
    public void Learner_ScoresKeepStateLatenessAndAttempt()
    {
        var scores = new List<ScoreRow>
        {
            new() { ItemId = 70, PersonId = 1, RawScore = 64, PointsPossible = 100, State = "graded", Late = true, Attempt = 2 },
            new() { ItemId = 71, PersonId = 1, State = "excused" },
            new() { ItemId = 72, PersonId = 1, RawScore = 5, PointsPossible = 5, State = "graded" },
        };

        var learner = Map(scores: scores, enrollment: new Enrollment { Roles = "Learner", FinalScore = 71.5, CurrentScore = 80 });

        Assert.Equal("sub-1", learner.LearnerId);
        Assert.Equal("2001", learner.CourseId);
        Assert.Equal(2, learner.Scores.Count); // item 72 is not in the catalogue any more
        var capstone = learner.Scores.Single(s => s.ItemId == "20010");
        Assert.Equal(64, capstone.Percent);
        Assert.True(capstone.Late);
        Assert.Equal(2, capstone.Attempt);
        Assert.Equal(ScoreState.Excused, learner.Scores.Single(s => s.ItemId == "20001").State);
        Assert.Equal(71.5, learner.CourseScore!.FinalPercent);
        Assert.Equal(80, learner.CourseScore.CurrentPercent);
    }

    [Fact]
    public void Learner_PercentageOnly_IsReadOverOneHundredPoints()
    {
        var learner = Map(scores: [new ScoreRow { ItemId = 70, PersonId = 1, Percentage = 82, State = "graded" }]);

        Assert.Equal(82, Assert.Single(learner.Scores).Percent);
        Assert.Null(learner.CourseScore);
    }

    [Theory]
    [InlineData("graded", ScoreState.Graded)]
    [InlineData("ungraded", ScoreState.Ungraded)]
    [InlineData("excused", ScoreState.Excused)]
    [InlineData("missing", ScoreState.Missing)]
    [InlineData("something-new", ScoreState.Ungraded)]
    public void ScoreStates_MapToTheRulesStates(string state, ScoreState expected) => Assert.Equal(expected, SnapshotMapping.StateOf(state));

    [Fact]
    public void Learner_RubricResultsBecomeOneAssessmentPerItemAtTheScoresAttempt()
    {
        var learner = Map(
            scores: [new ScoreRow { ItemId = 70, PersonId = 1, RawScore = 90, PointsPossible = 100, Attempt = 3 }],
            rubric:
            [
                new RubricResultRow { ItemId = 70, PersonId = 1, CriterionId = "crit_a", LevelId = "r3", LevelName = "Proficient", Points = 3 },
                new RubricResultRow { ItemId = 70, PersonId = 1, CriterionId = "crit_b", LevelName = "Developing" },
            ]);

        var assessment = Assert.Single(learner.RubricAssessments);
        Assert.Equal("20010", assessment.ItemId);
        Assert.Equal(3, assessment.Attempt);
        Assert.Equal(["crit_a", "crit_b"], assessment.Ratings.Select(r => r.CriterionId));
        Assert.Equal("r3", assessment.Ratings[0].LevelId);
    }

    [Fact]
    public void Learner_OutcomesAndArtifactsAreMapped_UnknownArtifactKindsLeftOut()
    {
        var learner = Map(
            outcomes: [new OutcomeResultRow { PersonId = 1, OutcomeId = "77", Score = 3, Level = "Mastery", Mastered = true }],
            artifacts:
            [
                new ArtifactRow { ItemId = 70, PersonId = 1, ArtifactKey = "attempt:1:url", Kind = "url", Url = "https://github.com/a/b", Attempt = 1 },
                new ArtifactRow { ItemId = 70, PersonId = 1, ArtifactKey = "attempt:2:file:9", Kind = "file", FileName = "report.pdf", ContentType = "application/pdf", SizeBytes = 2048, Attempt = 2 },
                new ArtifactRow { ItemId = 70, PersonId = 1, ArtifactKey = "attempt:2:text", Kind = "text", TextExcerpt = "Hello", Attempt = 2 },
                new ArtifactRow { ItemId = 70, PersonId = 1, ArtifactKey = "attempt:2:media", Kind = "media" },
            ]);

        var outcome = Assert.Single(learner.OutcomeResults);
        Assert.Equal(("77", 3d, "Mastery", true), (outcome.OutcomeId, outcome.Score!.Value, outcome.LevelName, outcome.Mastered!.Value));
        Assert.Equal([ArtifactType.Url, ArtifactType.File, ArtifactType.Text], learner.Artifacts.Select(a => a.Type));
        Assert.Equal(2048, learner.Artifacts[1].Size);
        Assert.Equal(5, learner.Artifacts[2].Size);
        Assert.All(learner.Artifacts, a => Assert.Equal("20010", a.ItemId));
    }

    [Fact]
    public void Page_InstructorsAreLeftOut_LearnersKeepTheirOwnRows()
    {
        var page = new CourseSnapshotPage
        {
            People = [new Person { Id = 1, LtiUserId = "a" }, new Person { Id = 2, LtiUserId = "teacher" }, new Person { Id = 3, LtiUserId = "c" }],
            Enrollments = [new Enrollment { PersonId = 1, Roles = "Learner" }, new Enrollment { PersonId = 2, Roles = "Instructor" }, new Enrollment { PersonId = 3, Roles = "Learner" }],
            Scores = [new ScoreRow { ItemId = 70, PersonId = 1, RawScore = 10, PointsPossible = 100 }, new ScoreRow { ItemId = 70, PersonId = 3, RawScore = 90, PointsPossible = 100 }],
            Artifacts = [],
            RubricResults = [],
            OutcomeResults = [],
        };

        var learners = SnapshotMapping.ToLearners(page, SourceIds, "2001");

        Assert.Equal(["a", "c"], learners.Select(l => l.Snapshot.LearnerId));
        Assert.Equal(90, Assert.Single(learners[1].Snapshot.Scores).Percent);
    }

    private static LearnerSnapshot Map(
        IReadOnlyList<ScoreRow>? scores = null,
        IReadOnlyList<RubricResultRow>? rubric = null,
        IReadOnlyList<OutcomeResultRow>? outcomes = null,
        IReadOnlyList<ArtifactRow>? artifacts = null,
        Enrollment? enrollment = null) =>
        SnapshotMapping.ToLearner(new Person { Id = 1, LtiUserId = "sub-1" }, enrollment ?? new Enrollment { Roles = "Learner" }, "2001", SourceIds, scores, artifacts, rubric, outcomes);
}
