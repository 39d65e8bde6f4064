using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Tests.Unit.Rules;

public sealed class DefinitionReaderTests
{
    private const string Valid = """
        id: cloud-basics
        name: Cloud basics
        description: Knows the basics.
        criteria: Pass the course.
        achievementType: Badge
        rules:
          all:
            - courseScore: final
              minPercent: 70%
            - itemScore: "20010"
              minPoints: 35
        """;

    [Fact]
    public void Read_ValidYaml_BuildsTheRuleTree()
    {
        var document = AchievementDefinitionReader.Read(Valid);

        Assert.Empty(document.Errors);
        var all = Assert.IsType<AllRule>(document.Definition!.Rules);
        var course = Assert.IsType<CourseScoreRule>(all.Rules[0]);
        Assert.Equal(70, course.MinPercent);
        Assert.Equal(CourseScoreKind.Final, course.Score);
        var item = Assert.IsType<ItemScoreRule>(all.Rules[1]);
        Assert.Equal("20010", item.ItemId);
        Assert.Equal(35, item.Threshold.MinPoints);
    }

    [Fact]
    public void Read_Json_IsReadLikeYamlWithPositions()
    {
        const string json = """
            {
              "id": "cloud-basics",
              "name": "Cloud basics",
              "description": "Knows the basics.",
              "criteria": "Pass the course.",
              "achievementType": "Badge",
              "rules": { "all": [ { "courseScore": "final", "minPercent": 170 } ] }
            }
            """;

        var document = AchievementDefinitionReader.Read(json, "basics.json");
        var errors = AchievementValidator.Validate(document);

        Assert.Empty(document.Errors);
        var error = Assert.Single(errors, e => e.Severity == DefinitionSeverity.Error);
        Assert.Equal(DefinitionErrorCodes.ThresholdOutOfRange, error.Code);
        Assert.Equal(7, error.Line);
        Assert.StartsWith("basics.json line 7", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonIndentedWithTabs_IsRead()
    {
        const string json = "{\n\t\"id\": \"a\",\n\t\"name\": \"A\",\n\t\"description\": \"d\",\n\t\"criteria\": \"c\",\n\t\"achievementType\": \"Badge\",\n\t\"rules\": {\"courseScore\": \"final\", \"minPercent\": 70}\n}";

        var document = AchievementDefinitionReader.Read(json);

        Assert.Empty(document.Errors);
        Assert.Equal("a", document.Definition!.Id);
    }

    [Fact]
    public void Validate_ThresholdAbove100_ReportsLineAndFix()
    {
        var text = Valid.Replace("minPercent: 70%", "minPercent: 170", StringComparison.Ordinal);

        var errors = AchievementValidator.Validate(AchievementDefinitionReader.Read(text));

        var error = Assert.Single(errors, e => e.Severity == DefinitionSeverity.Error);
        Assert.Equal(9, error.Line);
        Assert.Equal(19, error.Column);
        Assert.Equal("line 9, column 19: threshold 170 is above 100 %; use a percentage between 0 and 100", error.ToString());
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOneWithItsLine()
    {
        const string text = """
            id: Cloud Basics
            name: Cloud basics
            descripton: typo
            criteria: Pass the course.
            achievementType: MicroCredentail
            rules:
              all:
                - courseScore: final
                  minPercent: abc
                - itemScre: "1"
                - rubric: "20010"
            """;

        var errors = AchievementValidator.Validate(AchievementDefinitionReader.Read(text))
            .Where(e => e.Severity == DefinitionSeverity.Error).ToList();

        Assert.Contains(errors, e => e.Code == DefinitionErrorCodes.InvalidValue && e.Line == 1);                 // id format
        Assert.Contains(errors, e => e.Code == DefinitionErrorCodes.UnknownKey && e.Line == 3 && e.Hint == "did you mean 'description'?");
        Assert.Contains(errors, e => e.Code == DefinitionErrorCodes.InvalidValue && e.Line == 5 && e.Hint!.Contains("MicroCredential", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == DefinitionErrorCodes.WrongType && e.Line == 9);                    // minPercent: abc
        Assert.Contains(errors, e => e.Code == DefinitionErrorCodes.RuleKindUnknown && e.Line == 10 && e.Hint == "did you mean 'itemScore'?");
        Assert.Contains(errors, e => e.Code == DefinitionErrorCodes.MissingRequired && e.Line == 11);             // rubric without minLevel
        Assert.Contains(errors, e => e.Code == DefinitionErrorCodes.MissingRequired && e.Path == "description");
        Assert.Single(errors, e => e.Line == 9);                                                                  // no duplicate "minPercent is required"
        Assert.Equal(errors.OrderBy(e => e.Line ?? int.MaxValue).Select(e => e.Line), errors.Select(e => e.Line));
    }

    [Fact]
    public void Read_SyntaxError_ReportsLine()
    {
        const string text = "id: a\nname: [unclosed\nrules: {}\n";

        var document = AchievementDefinitionReader.Read(text, "broken.yaml");

        Assert.Null(document.Definition);
        var error = Assert.Single(document.Errors);
        Assert.Equal(DefinitionErrorCodes.Syntax, error.Code);
        Assert.NotNull(error.Line);
        Assert.Equal("broken.yaml", error.Source);
    }

    [Fact]
    public void Read_EmptyText_IsAnError()
    {
        var document = AchievementDefinitionReader.Read("   \n");

        Assert.Equal(DefinitionErrorCodes.Syntax, Assert.Single(document.Errors).Code);
    }

    [Fact]
    public void Read_RuleWithTwoKinds_IsAmbiguous()
    {
        var text = Valid.Replace("- courseScore: final", "- courseScore: final\n      itemScore: \"1\"", StringComparison.Ordinal);

        var document = AchievementDefinitionReader.Read(text);

        Assert.Contains(document.Errors, e => e.Code == DefinitionErrorCodes.RuleKindAmbiguous && e.Line == 9);
    }

    [Fact]
    public void Read_AtLeastWithoutOf_ExplainsBothForms()
    {
        var text = Valid.Replace("rules:\n  all:", "rules:\n  atLeast: 2\n  all2:", StringComparison.Ordinal);

        var document = AchievementDefinitionReader.Read(text);

        var error = Assert.Single(document.Errors);
        Assert.Equal(DefinitionErrorCodes.RuleKindUnknown, error.Code);
        Assert.Contains("'of:'", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryRuleKind_IsRecognised()
    {
        const string text = """
            id: all-kinds
            name: All kinds
            description: d
            criteria: c
            achievementType: Badge
            requiresApproval: true
            rules:
              atLeast: 2
              of:
                - itemScore: "1"
                  minPercent: 50
                - averageScore: ["1", { item: "2", weight: 2 }]
                  minPercent: 60
                - courseScore: current
                  minPercent: 70
                - outcome: o1
                  minLevel: Mastery
                - outcomesMastered: [o1, o2]
                - rubric: "3"
                  criteria: [c1]
                  minLevel: Proficient
                  individual: true
                - evidence: "3"
                  type: file
                  extension: .pdf
                  contentType: application/pdf
                  minSize: 1024
                - achievements: [a, b, c]
                  atLeast: 2
                - any:
                    - courseScore: final
                      minPercent: 70
            """;

        var document = AchievementDefinitionReader.Read(text);

        Assert.Empty(document.Errors);
        var root = Assert.IsType<AtLeastRule>(document.Definition!.Rules);
        Assert.Equal(2, root.Count);
        Assert.True(document.Definition.RequiresApproval);
        Assert.Equal(
            [RuleKinds.ItemScore, RuleKinds.AverageScore, RuleKinds.CourseScore, RuleKinds.Outcome, RuleKinds.OutcomesMastered, RuleKinds.Rubric, RuleKinds.Evidence, RuleKinds.Achievements, RuleKinds.Any],
            root.Rules.Select(r => r.Kind));
        var average = Assert.IsType<AverageScoreRule>(root.Rules[1]);
        Assert.Equal([1d, 2d], average.Items.Select(i => i.Weight));
        Assert.Equal(2, Assert.IsType<AchievementsRule>(root.Rules[7]).Count);
    }
}
