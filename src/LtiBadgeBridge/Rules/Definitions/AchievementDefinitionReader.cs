using LtiBadgeBridge.Rules.Snapshots;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>
/// Reads an achievement definition from YAML or JSON (JSON is read as YAML, its superset, so both report
/// lines and columns). Structural problems (syntax, wrong types, unknown keys, unrecognisable rules) are
/// collected, not thrown; <see cref="AchievementValidator"/> adds the semantic ones.
/// </summary>
public static class AchievementDefinitionReader
{
    private static readonly string[] RootKeys =
    [
        "id", "name", "description", "image", "criteria", "achievementType", "humanCode", "fieldOfStudy", "level",
        "inLanguage", "creditsAvailable", "workload", "learningOutcomes", "assessmentType", "delivery",
        "qualityAssurance", "endorsements", "prerequisites", "alignments", "tags", "validUntil", "requiresApproval",
        "rules",
    ];

    private static readonly string[] WorkloadKeys = ["hours", "weeks", "hoursPerWeekMin", "hoursPerWeekMax"];
    private static readonly string[] DeliveryKeys = ["mode", "schedule", "cost"];
    private static readonly string[] ReferenceKeys = ["name", "url", "description"];
    private static readonly string[] AlignmentKeys = ["targetName", "targetUrl", "targetFramework", "targetCode", "targetDescription", "targetType"];

    internal static readonly Dictionary<string, DeliveryMode> DeliveryModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["virtual"] = DeliveryMode.Virtual,
        ["in-person"] = DeliveryMode.InPerson,
        ["hybrid"] = DeliveryMode.Hybrid,
    };

    internal static readonly Dictionary<string, DeliverySchedule> Schedules = new(StringComparer.OrdinalIgnoreCase)
    {
        ["non-concurrent"] = DeliverySchedule.NonConcurrent,
        ["concurrent"] = DeliverySchedule.Concurrent,
    };

    internal static readonly Dictionary<string, CourseScoreKind> CourseScoreKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["final"] = CourseScoreKind.Final,
        ["current"] = CourseScoreKind.Current,
    };

    internal static readonly Dictionary<string, ArtifactType> ArtifactTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["file"] = ArtifactType.File,
        ["url"] = ArtifactType.Url,
        ["text"] = ArtifactType.Text,
    };

    /// <summary>Reads a definition file's text. Never throws for bad input.</summary>
    public static AchievementDocument Read(string text, string? source = null)
    {
        var errors = new List<DefinitionError>();
        var map = new SourceMap();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on text that ends inside an open bracket or quote.
            var lines = text.Split('\n').Length;
            errors.Add(new DefinitionError
            {
                Code = DefinitionErrorCodes.Syntax,
                Path = string.Empty,
                Message = "the text is not valid YAML or JSON: it ends inside an open bracket, brace or quote",
                Hint = "close every [, { and quote that is opened",
                Line = lines,
                Column = 1,
                Source = source,
            });
            return new AchievementDocument { Errors = errors, SourceMap = map, Source = source };
        }
        catch (YamlException exception)
        {
            errors.Add(new DefinitionError
            {
                Code = DefinitionErrorCodes.Syntax,
                Path = string.Empty,
                Message = SyntaxMessage(exception),
                Hint = "check indentation (spaces, not tabs), quotes and brackets on this line or the one above",
                Line = (int)exception.Start.Line,
                Column = (int)exception.Start.Column,
                Source = source,
            });
            return new AchievementDocument { Errors = errors, SourceMap = map, Source = source };
        }

        if (stream.Documents.Count == 0)
        {
            errors.Add(new DefinitionError
            {
                Code = DefinitionErrorCodes.Syntax,
                Path = string.Empty,
                Message = "the file is empty",
                Hint = "start with 'id:', 'name:' and 'rules:' (see docs/achievements.md)",
                Line = 1,
                Column = 1,
                Source = source,
            });
            return new AchievementDocument { Errors = errors, SourceMap = map, Source = source };
        }

        var fields = new YamlFields(errors, map);
        var definition = ReadDefinition(fields, stream.Documents[0].RootNode);
        for (var i = 0; i < errors.Count; i++)
        {
            errors[i] = errors[i] with { Source = source };
        }

        return new AchievementDocument { Definition = definition, Errors = errors, SourceMap = map, Source = source };
    }

    private static string SyntaxMessage(YamlException exception)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 1, Idx: 20) - (Line: ...): "; the position is reported separately.
        var message = exception.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return "the text is not valid YAML or JSON: " + (cut >= 0 ? message[(cut + 3)..] : message);
    }

    private static AchievementDefinition? ReadDefinition(YamlFields f, YamlNode root)
    {
        var e = f.Mapping(root, string.Empty, RootKeys);
        if (e is null)
        {
            return null;
        }

        Rule rules = new AllRule { Rules = [] };
        if (e.TryGetValue("rules", out var rulesNode) && !YamlFields.IsNull(rulesNode))
        {
            rules = RuleReader.Read(f, rulesNode, RulePaths.Root) ?? rules;
        }

        return new AchievementDefinition
        {
            Id = f.Text(e, "id", string.Empty) ?? string.Empty,
            Name = f.Text(e, "name", string.Empty) ?? string.Empty,
            Description = f.Text(e, "description", string.Empty) ?? string.Empty,
            Image = f.Text(e, "image", string.Empty),
            Criteria = f.Text(e, "criteria", string.Empty) ?? string.Empty,
            AchievementType = f.Text(e, "achievementType", string.Empty) ?? string.Empty,
            HumanCode = f.Text(e, "humanCode", string.Empty),
            FieldOfStudy = f.Text(e, "fieldOfStudy", string.Empty),
            Level = f.Text(e, "level", string.Empty),
            InLanguage = f.Text(e, "inLanguage", string.Empty),
            CreditsAvailable = f.Number(e, "creditsAvailable", string.Empty),
            Workload = ReadWorkload(f, e),
            LearningOutcomes = f.TextList(e, "learningOutcomes", string.Empty),
            AssessmentType = f.Text(e, "assessmentType", string.Empty),
            Delivery = ReadDelivery(f, e),
            QualityAssurance = ReadReferences(f, e, "qualityAssurance"),
            Endorsements = ReadReferences(f, e, "endorsements"),
            Prerequisites = f.TextList(e, "prerequisites", string.Empty),
            Alignments = ReadAlignments(f, e),
            Tags = f.TextList(e, "tags", string.Empty),
            ValidUntil = f.Date(e, "validUntil", string.Empty),
            RequiresApproval = f.Boolean(e, "requiresApproval", string.Empty) ?? false,
            Rules = rules,
        };
    }

    private static Workload? ReadWorkload(YamlFields f, Dictionary<string, YamlNode> root)
    {
        if (!root.TryGetValue("workload", out var node) || YamlFields.IsNull(node))
        {
            return null;
        }

        var e = f.Mapping(node, "workload", WorkloadKeys);
        if (e is null)
        {
            return null;
        }

        return new Workload
        {
            Hours = f.Number(e, "hours", "workload") ?? 0,
            Weeks = f.Integer(e, "weeks", "workload"),
            HoursPerWeekMin = f.Number(e, "hoursPerWeekMin", "workload"),
            HoursPerWeekMax = f.Number(e, "hoursPerWeekMax", "workload"),
        };
    }

    private static Delivery? ReadDelivery(YamlFields f, Dictionary<string, YamlNode> root)
    {
        if (!root.TryGetValue("delivery", out var node) || YamlFields.IsNull(node))
        {
            return null;
        }

        var e = f.Mapping(node, "delivery", DeliveryKeys);
        if (e is null)
        {
            return null;
        }

        return new Delivery
        {
            Mode = f.Enum(e, "mode", "delivery", DeliveryModes) ?? DeliveryMode.Virtual,
            Schedule = f.Enum(e, "schedule", "delivery", Schedules),
            Cost = f.Text(e, "cost", "delivery"),
        };
    }

    private static List<Reference> ReadReferences(YamlFields f, Dictionary<string, YamlNode> root, string key)
    {
        var list = new List<Reference>();
        foreach (var (path, e) in Items(f, root, key, ReferenceKeys))
        {
            list.Add(new Reference
            {
                Name = f.Text(e, "name", path) ?? string.Empty,
                Url = f.Text(e, "url", path),
                Description = f.Text(e, "description", path),
            });
        }

        return list;
    }

    private static List<Alignment> ReadAlignments(YamlFields f, Dictionary<string, YamlNode> root)
    {
        var list = new List<Alignment>();
        foreach (var (path, e) in Items(f, root, "alignments", AlignmentKeys))
        {
            list.Add(new Alignment
            {
                TargetName = f.Text(e, "targetName", path) ?? string.Empty,
                TargetUrl = f.Text(e, "targetUrl", path) ?? string.Empty,
                TargetFramework = f.Text(e, "targetFramework", path),
                TargetCode = f.Text(e, "targetCode", path),
                TargetDescription = f.Text(e, "targetDescription", path),
                TargetType = f.Text(e, "targetType", path),
            });
        }

        return list;
    }

    private static List<(string Path, Dictionary<string, YamlNode> Entries)> Items(
        YamlFields f, Dictionary<string, YamlNode> root, string key, string[] keys)
    {
        var result = new List<(string, Dictionary<string, YamlNode>)>();
        if (!root.TryGetValue(key, out var node) || YamlFields.IsNull(node))
        {
            return result;
        }

        if (node is not YamlSequenceNode sequence)
        {
            f.Error(node, key, DefinitionErrorCodes.WrongType, $"{key} must be a list");
            return result;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = RulePaths.Index(key, i);
            // An unreadable entry still takes its place, so later entries keep their paths.
            result.Add((path, f.Mapping(sequence.Children[i], path, keys) ?? new Dictionary<string, YamlNode>(StringComparer.Ordinal)));
        }

        return result;
    }
}
