using System.Text.Json.Nodes;
using Json.Schema;

namespace LtiBadgeBridge.Credentials.Verification;

/// <summary>
/// Validates credentials against a 1EdTech OB 3.0 JSON schema (draft 2019-09) read from disk. The service points
/// it at a configured schema directory; nothing is fetched. Formats (date-time, uri, ...) are validated, as the
/// 1EdTech validator and ob-verify do.
/// </summary>
public sealed class Ob3SchemaValidator
{
    private const int MaxProblems = 50;
    private readonly JsonSchema _schema;

    private Ob3SchemaValidator(JsonSchema schema, string file)
    {
        _schema = schema;
        SchemaFile = file;
    }

    /// <summary>The schema file in use.</summary>
    public string SchemaFile { get; }

    /// <summary>Loads one schema file.</summary>
    public static Ob3SchemaValidator FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new Ob3SchemaValidator(JsonSchema.FromText(File.ReadAllText(path)), Path.GetFullPath(path));
    }

    /// <summary>
    /// Loads the schema for <paramref name="schemaUrl"/> from <paramref name="directory"/>: through its
    /// <c>schemas.json</c> manifest (<c>purlUrlToFile</c>) when present, else the file named like the URL's last segment.
    /// </summary>
    public static Ob3SchemaValidator FromDirectory(string directory, string schemaUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaUrl);
        var manifest = Path.Combine(directory, "schemas.json");
        if (File.Exists(manifest)
            && JsonNode.Parse(File.ReadAllText(manifest))?["purlUrlToFile"]?[schemaUrl] is JsonValue mapped
            && mapped.TryGetValue<string>(out var relative))
        {
            return FromFile(Path.Combine(directory, relative));
        }

        var byName = Path.Combine(directory, schemaUrl[(schemaUrl.LastIndexOf('/') + 1)..]);
        return File.Exists(byName)
            ? FromFile(byName)
            : throw new FileNotFoundException($"No schema for {schemaUrl} in {directory} (no schemas.json entry, no {Path.GetFileName(byName)}).", byName);
    }

    /// <summary>The schema problems of <paramref name="credential"/>; empty when it is valid.</summary>
    public IReadOnlyList<CredentialProblem> Validate(JsonNode? credential)
    {
        var results = _schema.Evaluate(credential, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<CredentialProblem>();
        foreach (var detail in results.Details.Prepend(results))
        {
            if (detail.Errors is null)
            {
                continue;
            }

            foreach (var (keyword, message) in detail.Errors)
            {
                problems.Add(new CredentialProblem(
                    CredentialProblemCodes.SchemaInvalid, $"{detail.InstanceLocation} ({keyword}): {message}"));
                if (problems.Count == MaxProblems)
                {
                    return problems;
                }
            }
        }

        if (problems.Count == 0)
        {
            problems.Add(new CredentialProblem(CredentialProblemCodes.SchemaInvalid, "The credential does not match the schema."));
        }

        return problems;
    }
}
