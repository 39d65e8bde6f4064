using LtiBadgeBridge.Achievements.Editing;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Testing.Issuance;

namespace LtiBadgeBridge.Tests.Unit.Achievements.Editing;

public sealed class AchievementFormMapperTests
{
    private static AchievementForm MinimalForm() => new()
    {
        Slug = "capstone",
        Name = "Capstone",
        Description = "Did the capstone.",
        CriteriaNarrative = "Score 70 % on the capstone.",
        AchievementType = "Badge",
        Rules = [new CriterionInput { Kind = RuleKinds.ItemScore, ItemId = "20010", Threshold = "70" }],
    };

    [Fact]
    public void ToDefinition_ItemAndThreshold_CompilesToAnItemScoreRuleUnderAll()
    {
        var result = AchievementFormMapper.ToDefinition(MinimalForm());

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        var all = Assert.IsType<AllRule>(result.Definition!.Rules);
        var rule = Assert.IsType<ItemScoreRule>(Assert.Single(all.Rules));
        Assert.Equal("20010", rule.ItemId);
        Assert.Equal(70, rule.Threshold.MinPercent);
        Assert.Null(rule.Threshold.MinPoints);
        Assert.DoesNotContain(AchievementValidator.Validate(result.Definition), e => e.Severity == DefinitionSeverity.Error);
    }

    [Fact]
    public void ToDefinition_UnreadableThreshold_IsAFieldErrorOnThatRow()
    {
        var form = MinimalForm();
        form.Rules.Add(new CriterionInput { Kind = RuleKinds.CourseScore, Threshold = "seventy" });

        var result = AchievementFormMapper.ToDefinition(form);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Rules[1].Threshold", error.Field);
        Assert.Equal("invalid_number", error.Code);
    }

    [Fact]
    public void ToDefinition_MissingPicks_NameTheirFields()
    {
        var form = MinimalForm();
        form.Rules = [new CriterionInput { Kind = RuleKinds.Rubric }, new CriterionInput { Kind = RuleKinds.AverageScore, Threshold = "60" }];

        var fields = AchievementFormMapper.ToDefinition(form).Errors.Select(e => e.Field).ToList();

        Assert.Equal(["Rules[0].ItemId", "Rules[0].MinLevel", "Rules[1].ItemIds"], fields);
    }

    [Fact]
    public void MapErrors_ValidatorThresholdAbove100_LandsOnTheRowsThresholdField()
    {
        var form = MinimalForm();
        form.Rules.Insert(0, new CriterionInput { Kind = RuleKinds.CourseScore, Threshold = "50" });
        form.Rules[1].Threshold = "170";
        var compiled = AchievementFormMapper.ToDefinition(form);
        var read = AchievementDefinitionReader.Read(AchievementDefinitionWriter.ToYaml(compiled.Definition!), "form");

        var errors = AchievementFormMapper.MapErrors(AchievementValidator.Validate(read), compiled);

        var error = Assert.Single(errors, e => !e.IsWarning);
        Assert.Equal("Rules[1].Threshold", error.Field);
        Assert.Contains("170", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDefinition_AnyWithPrerequisites_NestsTheCriteriaBesideTheStackingRule()
    {
        var form = MinimalForm();
        form.Combine = FormCombine.AtLeast;
        form.AtLeastCount = "1";
        form.Rules.Add(new CriterionInput { Kind = RuleKinds.CourseScore, Threshold = "80%" });
        form.Prerequisites = ["big-data"];

        var result = AchievementFormMapper.ToDefinition(form);

        var all = Assert.IsType<AllRule>(result.Definition!.Rules);
        var atLeast = Assert.IsType<AtLeastRule>(all.Rules[0]);
        Assert.Equal(1, atLeast.Count);
        Assert.Equal(2, atLeast.Rules.Count);
        Assert.Equal(["big-data"], Assert.IsType<AchievementsRule>(all.Rules[1]).AchievementIds);
        Assert.Equal("Rules[1]", AchievementFormMapper.FieldFor("rules.all[0].of[1]", result.RulePaths));
        Assert.Equal("Rules[0].ItemId", AchievementFormMapper.FieldFor("rules.all[0].of[0].itemScore", result.RulePaths));
        Assert.Equal(AchievementFormMapper.PrerequisitesField, AchievementFormMapper.FieldFor("rules.all[1].achievements[0]", result.RulePaths));
        Assert.Equal(AchievementFormMapper.AtLeastField, AchievementFormMapper.FieldFor("rules.all[0].atLeast", result.RulePaths));
    }

    [Fact]
    public void RemovedRows_AreLeftOut_AndRemainingRowsKeepTheirFieldNames()
    {
        var form = MinimalForm();
        form.Rules.Insert(0, new CriterionInput { Kind = RuleKinds.CourseScore, Threshold = "x", Remove = true });

        AchievementFormMapper.DropRemovedRows(form);
        var result = AchievementFormMapper.ToDefinition(form);

        Assert.True(result.Succeeded);
        Assert.Equal("Rules[0].Threshold", AchievementFormMapper.FieldFor("rules.all[0].minPercent", result.RulePaths));
    }

    [Fact]
    public void FromDefinition_ThenToDefinition_KeepsThePilotVersion()
    {
        var pilot = AchievementDefinitionReader.Read(IssuanceSeed.PilotDefinition()).Definition!;

        var read = AchievementFormMapper.FromDefinition(pilot);
        var again = AchievementFormMapper.ToDefinition(read.Form, pilot);

        Assert.True(read.RulesEditable);
        Assert.Equal(3, read.Form.Rules.Count);
        Assert.True(again.Succeeded, string.Join("; ", again.Errors.Select(e => e.Field + ": " + e.Message)));
        Assert.Equal(DefinitionVersion.Compute(pilot), DefinitionVersion.Compute(again.Definition!));
    }

    [Fact]
    public void FromDefinition_NestedGroups_AreNotEditableInTheForm()
    {
        var definition = AchievementFormMapper.ToDefinition(MinimalForm()).Definition! with
        {
            Rules = new AllRule { Rules = [new AnyRule { Rules = [new CourseScoreRule { MinPercent = 70 }] }, new AnyRule { Rules = [new CourseScoreRule { MinPercent = 60 }] }] },
        };

        var read = AchievementFormMapper.FromDefinition(definition);

        Assert.False(read.RulesEditable);
        Assert.Empty(read.Form.Rules);
        Assert.Equal("Capstone", read.Form.Name);
    }

    [Theory]
    [InlineData("name", "Name")]
    [InlineData("workload.hours", "WorkloadHours")]
    [InlineData("workload", "WorkloadHours")]
    [InlineData("alignments[0].targetUrl", "Alignments[0].TargetUrl")]
    [InlineData("learningOutcomes[2]", "LearningOutcomes")]
    [InlineData("unknownKey", "")]
    public void FieldFor_MetadataPaths_NameTheFormField(string path, string field) =>
        Assert.Equal(field, AchievementFormMapper.FieldFor(path, []));

    [Fact]
    public void Defaults_ForCourse_MakeAUniqueSlugAndAValidMicroCredential()
    {
        var form = AchievementFormDefaults.ForCourse("Cloud Computing 101!", null, ["cloud-computing-101"]);

        Assert.Equal("cloud-computing-101-2", form.Slug);
        var result = AchievementFormMapper.ToDefinition(form);
        Assert.True(result.Succeeded);
        var errors = AchievementValidator.Validate(result.Definition!);
        Assert.DoesNotContain(errors, e => e.Severity == DefinitionSeverity.Error);
    }

    [Fact]
    public void BadgeImages_UploadIsSniffed_AndOversizeRefused()
    {
        var png = LtiBadgeBridge.Credentials.Baking.DefaultBadgeImage.Png(32);
        Assert.StartsWith("data:image/png;base64,", BadgeImages.FromUpload(png).DataUri, StringComparison.Ordinal);
        Assert.NotNull(BadgeImages.FromUpload("not an image"u8).Error);
        Assert.NotNull(BadgeImages.FromUpload(new byte[BadgeImages.MaxUploadBytes + 1]).Error);
        Assert.StartsWith("data:image/png;base64,", BadgeImages.BuiltInDataUri("green"), StringComparison.Ordinal);
    }
}
