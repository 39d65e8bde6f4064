using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>A compiled achievement, or the reasons the definition was refused (warnings may accompany success).</summary>
public sealed record CompileResult
{
    public CompiledAchievement? Achievement { get; init; }

    public IReadOnlyList<DefinitionError> Errors { get; init; } = [];

    public bool Succeeded => Achievement is not null;
}
