using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Tests.Unit.Rules;

public sealed class DefinitionFormatTests
{
    private const string Block = """
        # A comment that does not change the meaning.
        id: cloud-basics
        name: Cloud basics
        description: Knows the basics.
        criteria: |
          Pass the course
          and submit a repository.
        achievementType: Badge
        tags:
          - cloud
          - pilot
        rules:
          all:
            - courseScore: final
              minPercent: 70
            - evidence: "20010"
              type: url
              urlHost: github.com
        """;

    private const string Flow = """
        {"achievementType": "Badge", "id": "cloud-basics", "name": "Cloud basics",
         "description": "Knows the basics.", "criteria": "Pass the course\nand submit a repository.",
         "tags": ["cloud", "pilot"],
         "rules": {"all": [{"minPercent": "70%", "courseScore": "final"},
                           {"evidence": "20010", "type": "url", "urlHost": ["github.com"]}]}}
        """;

    [Fact]
    public void Version_IsStableAcrossFormatting()
    {
        var block = AchievementDefinitionReader.Read(Block).Definition!;
        var flow = AchievementDefinitionReader.Read(Flow).Definition!;

        Assert.Equal(DefinitionVersion.Compute(block), DefinitionVersion.Compute(flow));
        Assert.StartsWith("sha256:", DefinitionVersion.Compute(block), StringComparison.Ordinal);
        Assert.Equal(71, DefinitionVersion.Compute(block).Length);
    }

    [Theory]
    [InlineData("minPercent: 70", "minPercent: 71")]
    [InlineData("name: Cloud basics", "name: Cloud Basics")]
    [InlineData("urlHost: github.com", "urlHost: gitlab.com")]
    [InlineData("  - pilot", "  - pilots")]
    public void Version_ChangesWithContent(string from, string to)
    {
        var before = AchievementDefinitionReader.Read(Block).Definition!;
        var after = AchievementDefinitionReader.Read(Block.Replace(from, to, StringComparison.Ordinal)).Definition!;

        Assert.NotEqual(DefinitionVersion.Compute(before), DefinitionVersion.Compute(after));
    }

    [Theory]
    [InlineData("cloud-computing.yaml")]
    [InlineData("big-data.yaml")]
    public void ToYaml_RoundTripsThePilots(string file)
    {
        var original = AchievementDefinitionReader.Read(File.ReadAllText(RuleTestData.RepositoryPath("config", "achievements", file))).Definition!;

        var yaml = AchievementDefinitionWriter.ToYaml(original);
        var again = AchievementDefinitionReader.Read(yaml);

        Assert.Empty(again.Errors);
        Assert.Equal(DefinitionVersion.Compute(original), DefinitionVersion.Compute(again.Definition!));
        Assert.Equal(yaml, AchievementDefinitionWriter.ToYaml(again.Definition!));
    }

    [Fact]
    public void ToJson_RoundTrips()
    {
        var original = AchievementDefinitionReader.Read(Block).Definition!;

        var again = AchievementDefinitionReader.Read(AchievementDefinitionWriter.ToJson(original));

        Assert.Empty(again.Errors);
        Assert.Equal(DefinitionVersion.Compute(original), DefinitionVersion.Compute(again.Definition!));
    }

    [Fact]
    public void ToYaml_QuotesIdsThatLookLikeNumbers()
    {
        var yaml = AchievementDefinitionWriter.ToYaml(AchievementDefinitionReader.Read(Block).Definition!);

        Assert.Contains("evidence: \"20010\"", yaml, StringComparison.Ordinal);
        Assert.Contains("minPercent: 70\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ToYaml_RoundTripsEveryRuleKind()
    {
        const string text = """
            id: all-kinds
            name: All kinds
            description: d
            criteria: c
            achievementType: Badge
            requiresApproval: true
            validUntil: 2027-06-30
            rules:
              atLeast: 2
              label: Two of these
              of:
                - itemScore: "1"
                  minPoints: 5
                - averageScore: ["1", { item: "2", weight: 2 }]
                  minPercent: 60
                - outcome: o1
                  minScore: 3
                - outcomesMastered: [o1, o2]
                - rubric: "3"
                  criteria: [c1]
                  minLevel: Proficient
                  individual: true
                - evidence: "3"
                  type: file
                  extension: [.pdf, .zip]
                  minSize: 1024
                  prompt: your report
                - id: pathway
                  achievements: [a, b, c]
                  atLeast: 2
            """;
        var original = AchievementDefinitionReader.Read(text).Definition!;

        var again = AchievementDefinitionReader.Read(AchievementDefinitionWriter.ToYaml(original));

        Assert.Empty(again.Errors);
        Assert.Equal(DefinitionVersion.Compute(original), DefinitionVersion.Compute(again.Definition!));
        Assert.Equal(new DateOnly(2027, 6, 30), again.Definition!.ValidUntil);
    }
}
