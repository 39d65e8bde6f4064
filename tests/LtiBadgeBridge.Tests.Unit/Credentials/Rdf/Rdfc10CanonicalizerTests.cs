using LtiBadgeBridge.Credentials.Rdf;

namespace LtiBadgeBridge.Tests.Unit.Credentials.Rdf;

public sealed class Rdfc10CanonicalizerTests
{
    [Fact]
    public void Canonicalize_WorkLimitLowered_StopsWithAClearError()
    {
        // Two blank nodes that point at each other share a first-degree hash, so N-degree hashing must run.
        var cycle = NQuadsParser.Parse("_:a <http://example.org/p> _:b .\n_:b <http://example.org/p> _:a .\n");
        Assert.Equal(
            "_:c14n0 <http://example.org/p> _:c14n1 .\n_:c14n1 <http://example.org/p> _:c14n0 .\n",
            Rdfc10Canonicalizer.Canonicalize([.. cycle]).NQuads);

        var error = Assert.Throws<RdfcWorkLimitExceededException>(
            () => Rdfc10Canonicalizer.Canonicalize([.. cycle], new Rdfc10Options { MaxWork = 1 }));

        Assert.Contains("work limit of 1 steps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_RelabelsBlankNodesIndependentlyOfInputLabels()
    {
        var first = NQuadsParser.Parse("_:x <http://example.org/p> _:y .\n_:y <http://example.org/q> \"v\" .\n");
        var second = NQuadsParser.Parse("_:q <http://example.org/q> \"v\" .\n_:p <http://example.org/p> _:q .\n");

        Assert.Equal(Rdfc10Canonicalizer.Canonicalize([.. first]).NQuads, Rdfc10Canonicalizer.Canonicalize([.. second]).NQuads);
    }

    [Fact]
    public void NQuads_LiteralEscapesLanguageAndGraph_RoundTrip()
    {
        const string text = "<http://example.org/s> <http://example.org/p> \"line\\nbreak \\\"quoted\\\" back\\\\slash\"@en-GB <http://example.org/g> .\n" +
            "_:b0 <http://example.org/p> \"42\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";

        var quads = NQuadsParser.Parse(text);

        Assert.Equal(2, quads.Count);
        Assert.Equal("line\nbreak \"quoted\" back\\slash", quads[0].Object.Value);
        Assert.Equal("en-GB", quads[0].Object.Language);
        Assert.Equal(text, NQuadsSerializer.Serialize(quads));
    }
}
