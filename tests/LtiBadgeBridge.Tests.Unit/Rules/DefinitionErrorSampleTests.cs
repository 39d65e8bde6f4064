using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Tests.Unit.Rules;

/// <summary>The error examples in docs/achievements.md, and inputs that must never throw.</summary>
public sealed class DefinitionErrorSampleTests
{
    [Fact]
    public void Validate_DocumentedExamples_ReadAsDocumented()
    {
        var text = File.ReadAllText(RuleTestData.RepositoryPath("config", "achievements", "big-data.yaml"))
            .Replace("      minPercent: 70", "      minPercent: 170", StringComparison.Ordinal)
            .Replace("evidence: \"10010\"", "evidence: \"10011\"", StringComparison.Ordinal)
            .Replace("minLevel: Proficient", "minLevel: Proficent", StringComparison.Ordinal);

        var errors = AchievementValidator.Validate(AchievementDefinitionReader.Read(text, "big-data.yaml"), PilotCatalogues.BigData)
            .Select(e => e.ToString()).ToList();

        Assert.Contains(errors, e => e.EndsWith(": threshold 170 is above 100 %; use a percentage between 0 and 100", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith(": item '10011' is not in course '1001'; did you mean '10010'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith(": level 'Proficent' is not a level of criterion 'Pipeline'; did you mean 'Proficient'?", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.StartsWith("big-data.yaml line ", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("id: a\nid: b\n")]
    [InlineData("id: a\nrules:\n\tall: []\n")]
    [InlineData("id: *nowhere\n")]
    [InlineData("- just\n- a list\n")]
    [InlineData("plain text")]
    [InlineData("{\"id\": \"a\", \"rules\": {\"all\": [\n")]
    [InlineData("rules:\n  all:\n    - [1, 2]\n    - 42\n    - courseScore: sometimes\n      minPercent: 70\n")]
    [InlineData("rules:\n  averageScore: { item: 1 }\n  minPercent: 50\n")]
    [InlineData("workload: 45\ndelivery: [virtual]\nalignments: { targetName: x }\nqualityAssurance: [plain]\n")]
    public void Read_MalformedInput_ReportsErrorsAndNeverThrows(string text)
    {
        var document = AchievementDefinitionReader.Read(text, "bad.yaml");
        var errors = AchievementValidator.Validate(document);

        Assert.Contains(errors, e => e.Severity == DefinitionSeverity.Error);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }
}
