using System.Text.Json.Nodes;
using Json.Schema;
using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Tests.Unit.Rules;

public sealed class DefinitionSchemaTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromText(File.ReadAllText(RuleTestData.RepositoryPath("config", "achievements", "achievement.schema.json")));

    [Theory]
    [InlineData("cloud-computing.yaml")]
    [InlineData("big-data.yaml")]
    public void PublishedSchema_AcceptsThePilots(string file)
    {
        var definition = AchievementDefinitionReader.Read(File.ReadAllText(RuleTestData.RepositoryPath("config", "achievements", file))).Definition!;

        var result = Schema.Evaluate(JsonNode.Parse(AchievementDefinitionWriter.ToJson(definition)), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("""{"courseScore": "final", "minPercent": 170}""")]
    [InlineData("""{"itemScore": "1"}""")]
    [InlineData("""{"itemScore": "1", "minPercent": 50, "minPoints": 5}""")]
    [InlineData("""{"atLeast": 2, "all": []}""")]
    [InlineData("""{"evidence": "1", "urlHosts": "github.com"}""")]
    public void PublishedSchema_RefusesBadRules(string rule)
    {
        var json = $$"""{"id": "x", "name": "X", "description": "d", "criteria": "c", "achievementType": "Badge", "rules": {{rule}}}""";

        Assert.False(Schema.Evaluate(JsonNode.Parse(json)).IsValid);
    }
}
