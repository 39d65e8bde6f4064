using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;
using static LtiBadgeBridge.Tests.Unit.Rules.RuleTestData;

namespace LtiBadgeBridge.Tests.Unit.Rules;

public sealed class EvidenceRuleTests
{
    private static readonly EvidenceRule Repository = new()
    {
        ItemId = Capstone,
        Type = ArtifactType.Url,
        UrlHosts = ["github.com"],
        Prompt = "your repository link",
    };

    [Theory]
    [InlineData("https://github.com/learner/capstone", true)]
    [InlineData("https://www.github.com/learner/capstone", true)]
    [InlineData("https://GitHub.com/learner/capstone", true)]
    [InlineData("https://notgithub.com/learner/capstone", false)]
    [InlineData("https://github.com.evil.example/x", false)]
    [InlineData("ftp://github.com/learner/capstone", false)]
    [InlineData("https://github.com@evil.example/x", false)]
    [InlineData("https://github.com\\@evil.example/x", true)]
    [InlineData("https://user@github.com/learner/capstone", true)]
    [InlineData("https://github.com:443/learner/capstone", true)]
    [InlineData(" https://github.com/learner/capstone ", true)]
    [InlineData("https://evil.example/?u=https://github.com/", false)]
    [InlineData("not a url", false)]
    public void Evaluate_UrlHost_MatchesHostOrSubdomain(string url, bool met)
    {
        Assert.Equal(met, Evaluate(Repository, Learner(artifacts: [Link(url)])).RulesMet);
    }

    [Fact]
    public void Evaluate_NoArtifact_AsksForIt()
    {
        var criterion = Assert.Single(Evaluate(Repository, Learner()).Criteria);

        Assert.Equal("Evidence missing: submit your repository link", criterion.Explanation);
    }

    [Fact]
    public void Evaluate_WrongArtifact_SaysWhyItDoesNotQualify()
    {
        var criterion = Assert.Single(Evaluate(Repository, Learner(artifacts: [Link("https://example.com/x")])).Criteria);

        Assert.Equal("Evidence: what you submitted does not qualify (a url is needed, link must be on github.com); submit your repository link", criterion.Explanation);
    }

    [Fact]
    public void Evaluate_MatchingArtifacts_BecomeEvidence()
    {
        var repository = Link("https://github.com/learner/capstone");
        var other = new Artifact { ItemId = Capstone, Type = ArtifactType.File, FileName = "notes.txt" };

        var decision = Evaluate(Repository, Learner(artifacts: [other, repository]));

        Assert.Same(repository, Assert.Single(decision.Evidence));
    }

    [Fact]
    public void Evaluate_Resubmission_OnlyLatestAttemptCounts()
    {
        var learner = Learner(artifacts: [Link("https://github.com/learner/old", attempt: 1), Link("https://example.com/new", attempt: 2)]);

        var decision = Evaluate(Repository, learner);

        Assert.False(decision.RulesMet);
        Assert.Empty(decision.Evidence);
    }

    [Fact]
    public void Evaluate_ArtifactOnAnotherItem_DoesNotCount()
    {
        Assert.False(Evaluate(Repository, Learner(artifacts: [Link("https://github.com/a/b", itemId: Lab1)])).RulesMet);
    }

    [Theory]
    [InlineData("report.PDF", "application/pdf", 2048L, true)]
    [InlineData("report.docx", "application/pdf", 2048L, false)]
    [InlineData("report.pdf", "text/plain", 2048L, false)]
    [InlineData("report.pdf", "application/pdf; charset=binary", 2048L, true)]
    [InlineData("report.pdf", "application/pdf", 10L, false)]
    [InlineData("report.pdf", "application/pdf", null, false)]
    public void Evaluate_FileConstraints(string fileName, string contentType, long? size, bool met)
    {
        var rule = new EvidenceRule { ItemId = Capstone, Type = ArtifactType.File, Extensions = [".pdf"], ContentTypes = ["application/pdf"], MinSize = 1024 };
        var artifact = new Artifact { ItemId = Capstone, Type = ArtifactType.File, FileName = fileName, ContentType = contentType, Size = size };

        Assert.Equal(met, Evaluate(rule, Learner(artifacts: [artifact])).RulesMet);
    }

    [Fact]
    public void Evaluate_ContentTypeFamily_AcceptsAnyInIt()
    {
        var rule = new EvidenceRule { ItemId = Capstone, ContentTypes = ["image/"] };
        var artifact = new Artifact { ItemId = Capstone, Type = ArtifactType.File, FileName = "diagram.png", ContentType = "image/png" };

        Assert.True(Evaluate(rule, Learner(artifacts: [artifact])).RulesMet);
    }

    [Fact]
    public void Evaluate_AnyTypeWithoutConstraints_AcceptsText()
    {
        var rule = new EvidenceRule { ItemId = Capstone };
        var text = new Artifact { ItemId = Capstone, Type = ArtifactType.Text, Size = 500 };

        Assert.True(Evaluate(rule, Learner(artifacts: [text])).RulesMet);
    }
}
