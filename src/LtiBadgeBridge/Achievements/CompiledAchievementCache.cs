using System.Collections.Concurrent;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;

namespace LtiBadgeBridge.Achievements;

/// <summary>
/// Compiled achievements by (achievement, version, catalogue hash): a definition is compiled once per
/// version and course catalogue, however many evaluations run. Thread-safe; bounded (cleared when full).
/// </summary>
public sealed class CompiledAchievementCache
{
    private const int MaxEntries = 2000;
    private readonly ConcurrentDictionary<(long AchievementId, int Version, string CatalogueHash), CompileResult> _entries = new();

    public CompileResult GetOrCompile(ActiveAchievement achievement, CourseContext context, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(achievement);
        ArgumentNullException.ThrowIfNull(context);
        var key = (achievement.Achievement.Id, achievement.Version.Version, context.CatalogueHash);
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var document = AchievementDefinitionReader.Read(achievement.Version.Definition, achievement.Achievement.Slug);
        var result = document.Definition is null || AchievementValidator.HasErrors(document.Errors)
            ? new CompileResult { Errors = document.Errors }
            : AchievementCompiler.Compile(document.Definition, context.Catalogue, names);
        return _entries.GetOrAdd(key, result);
    }
}
