using LtiBadgeBridge.Achievements.Editing;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Tests.Unit.Achievements.Editing;

public sealed class AchievementFormDefaultsTests
{
    private static readonly CourseCatalogue Catalogue = new()
    {
        CourseId = "2001",
        Items = [new CourseItem { Id = "20010", Name = "Capstone *workshop*", PointsPossible = 100 }, new CourseItem { Id = "20001", Name = "Week 1 quiz" }],
    };

    [Fact]
    public void ForCourse_NamesTheIssuerAndGeneratesTheNarrativeFromItsCriteria()
    {
        var form = AchievementFormDefaults.ForCourse("Cloud Computing", Catalogue, [], "Example College");

        Assert.Equal("The holder completed Cloud Computing at Example College and met its pass thresholds and mastery requirements.", form.Description);
        Assert.Equal("Meet this criterion in Cloud Computing:\n\n- Course grade: at least 70 %", form.CriteriaNarrative);
        Assert.Equal(form.CriteriaNarrative, form.GeneratedCriteriaNarrative);
        Assert.Equal(AchievementFormDefaults.DefaultWorkloadHours, form.WorkloadHours);
    }

    [Fact]
    public void FillBlanks_OnlyPickedItemsPosted_CompilesToAValidMicroCredentialListingThem()
    {
        var posted = new AchievementForm
        {
            Combine = FormCombine.All,
            Rules =
            [
                new CriterionInput { Kind = RuleKinds.ItemScore, ItemId = "20010", Threshold = "70", ThresholdUnit = "percent" },
                new CriterionInput { Kind = RuleKinds.Evidence, ItemId = "20010", Label = "Capstone repository", EvidenceType = "url" },
            ],
        };

        AchievementFormDefaults.FillBlanks(posted, AchievementFormDefaults.ForCourse("Cloud Computing", Catalogue, ["cloud-computing"]), "Cloud Computing", Catalogue);
        var compiled = AchievementFormMapper.ToDefinition(posted);

        Assert.True(compiled.Succeeded, string.Join("\n", compiled.Errors.Select(e => e.Message)));
        Assert.DoesNotContain(AchievementValidator.Validate(compiled.Definition!, Catalogue), e => e.Severity == DefinitionSeverity.Error);
        Assert.Equal("cloud-computing-2", posted.Slug);
        Assert.Equal(
            "Meet every one of these criteria in Cloud Computing:\n\n- Capstone \\*workshop\\*: at least 70 %\n- Capstone repository: submit a link to the work as evidence",
            compiled.Definition!.Criteria);
        Assert.Equal(45, compiled.Definition.Workload!.Hours);
    }

    [Fact]
    public void FillBlanks_InstructorsOwnValues_AreKept()
    {
        var posted = AchievementFormDefaults.ForCourse("Cloud Computing", Catalogue, []);
        posted.Name = "Cloud Architect";
        posted.CriteriaNarrative = "Build and document a cloud system.";
        posted.WorkloadWeeks = "9";
        posted.WorkloadHours = "30";
        posted.Rules.Add(new CriterionInput { Kind = RuleKinds.ItemScore, ItemId = "20001", Threshold = "50" });

        AchievementFormDefaults.FillBlanks(posted, AchievementFormDefaults.ForCourse("Cloud Computing", Catalogue, []), "Cloud Computing", Catalogue);

        Assert.Equal("Cloud Architect", posted.Name);
        Assert.Equal("Build and document a cloud system.", posted.CriteriaNarrative);
        Assert.Equal(("30", "9"), (posted.WorkloadHours, posted.WorkloadWeeks));
    }

    [Fact]
    public void RefreshNarrative_UntouchedGeneratedText_FollowsTheCriteria()
    {
        var form = AchievementFormDefaults.ForCourse("Cloud Computing", Catalogue, []);
        form.CriteriaNarrative = form.CriteriaNarrative!.Replace("\n", "\r\n", StringComparison.Ordinal); // as a browser posts it
        form.Combine = FormCombine.Any;
        form.Rules.Add(new CriterionInput { Kind = RuleKinds.Rubric, ItemId = "20010", MinLevel = "Proficient", Individual = true });

        AchievementFormDefaults.RefreshNarrative(form, "Cloud Computing", Catalogue);

        Assert.Equal(
            "Meet at least one of these criteria in Cloud Computing:\n\n- Course grade: at least 70 %\n- Capstone \\*workshop\\*: Proficient or better on every rubric criterion, assessed individually",
            form.CriteriaNarrative);
    }
}
