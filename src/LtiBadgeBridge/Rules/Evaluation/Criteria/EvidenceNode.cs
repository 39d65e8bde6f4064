using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation.Criteria;

/// <summary>
/// An artifact on the item's latest submission that passes the constraints (type, URL host, extension,
/// content type, size). Matching artifacts become the credential's evidence.
/// </summary>
internal sealed class EvidenceNode : CriterionNode
{
    private readonly EvidenceRule _rule;
    private readonly string _what;

    public EvidenceNode(string id, string label, EvidenceRule rule)
        : base(id, label)
    {
        _rule = rule;
        _what = rule.Prompt ?? DescribeWanted(rule);
    }

    public override NodeOutcome Evaluate(EvaluationContext context)
    {
        var artifacts = context.Learner.Artifacts;
        var latestAttempt = int.MinValue;
        for (var i = 0; i < artifacts.Count; i++)
        {
            if (string.Equals(artifacts[i].ItemId, _rule.ItemId, StringComparison.Ordinal) && artifacts[i].Attempt > latestAttempt)
            {
                latestAttempt = artifacts[i].Attempt;
            }
        }

        var submitted = 0;
        var matched = 0;
        for (var i = 0; i < artifacts.Count; i++)
        {
            var artifact = artifacts[i];
            if (artifact.Attempt != latestAttempt || !string.Equals(artifact.ItemId, _rule.ItemId, StringComparison.Ordinal))
            {
                continue;
            }

            submitted++;
            if (Matches(artifact))
            {
                matched++;
                context.Evidence?.Add(artifact);
            }
        }

        var status = matched > 0 ? CriterionStatus.Met : CriterionStatus.NotMet;
        if (context.Explain)
        {
            var prefix = Label;
            context.Add(new CriterionResult
            {
                Depth = context.Depth,
                Id = Id,
                Kind = RuleKinds.Evidence,
                Label = Label,
                Status = status,
                CurrentValue = matched,
                RequiredValue = 1,
                Unit = "artifacts",
                Current = matched > 0 ? $"{matched} submitted" : submitted > 0 ? "does not qualify" : "missing",
                Requirement = _what,
                Explanation = matched > 0 ? $"{prefix}: {_what} submitted"
                    : submitted > 0 ? $"{prefix}: what you submitted does not qualify ({Constraints()}); submit {_what}"
                    : $"{prefix} missing: submit {_what}",
                ItemId = _rule.ItemId,
            });
        }

        return NodeOutcome.Leaf(status);
    }

    private bool Matches(Artifact artifact)
    {
        if (_rule.Type is { } type && artifact.Type != type)
        {
            return false;
        }

        if (_rule.UrlHosts.Count > 0 && !HostMatches(artifact.Url))
        {
            return false;
        }

        if (_rule.Extensions.Count > 0 && !ExtensionMatches(artifact.FileName ?? artifact.Url))
        {
            return false;
        }

        if (_rule.ContentTypes.Count > 0 && !ContentTypeMatches(artifact.ContentType))
        {
            return false;
        }

        return _rule.MinSize is not { } min || artifact.Size >= min;
    }

    private bool HostMatches(string? url)
    {
        var host = Host(url);
        if (host.IsEmpty)
        {
            return false;
        }

        foreach (var wanted in _rule.UrlHosts)
        {
            if (host.Equals(wanted, StringComparison.OrdinalIgnoreCase)
                || (host.Length > wanted.Length && host.EndsWith(wanted, StringComparison.OrdinalIgnoreCase) && host[host.Length - wanted.Length - 1] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The host of an absolute http(s) URL without allocating: after "://", after any "user@", up to the
    /// port, path, query or fragment. Empty for anything else.
    /// </summary>
    internal static ReadOnlySpan<char> Host(string? url)
    {
        if (url is null)
        {
            return default;
        }

        var span = url.AsSpan().Trim();
        int start;
        if (span.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            start = 8;
        }
        else if (span.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            start = 7;
        }
        else
        {
            return default;
        }

        var authority = span[start..];
        var end = authority.IndexOfAny("/?#\\");
        if (end >= 0)
        {
            authority = authority[..end];
        }

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        var colon = authority.IndexOf(':');
        if (colon >= 0)
        {
            authority = authority[..colon];
        }

        return authority.TrimEnd('.');
    }

    private bool ExtensionMatches(string? name)
    {
        if (name is null)
        {
            return false;
        }

        var query = name.IndexOfAny(['?', '#']);
        var path = query >= 0 ? name.AsSpan(0, query) : name.AsSpan();
        foreach (var extension in _rule.Extensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool ContentTypeMatches(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var bare = (semicolon >= 0 ? contentType.AsSpan(0, semicolon) : contentType.AsSpan()).Trim();
        foreach (var wanted in _rule.ContentTypes)
        {
            if (wanted.EndsWith('/') ? bare.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) : bare.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private string Constraints()
    {
        var parts = new List<string>();
        if (_rule.Type is { } type)
        {
            parts.Add("a " + type.ToString().ToLowerInvariant() + " is needed");
        }

        if (_rule.UrlHosts.Count > 0)
        {
            parts.Add("link must be on " + string.Join(" or ", _rule.UrlHosts));
        }

        if (_rule.Extensions.Count > 0)
        {
            parts.Add("file must be " + string.Join(" or ", _rule.Extensions));
        }

        if (_rule.ContentTypes.Count > 0)
        {
            parts.Add("type must be " + string.Join(" or ", _rule.ContentTypes));
        }

        if (_rule.MinSize is { } min)
        {
            parts.Add("at least " + min + (_rule.Type == ArtifactType.Text ? " characters" : " bytes"));
        }

        return string.Join(", ", parts);
    }

    private static string DescribeWanted(EvidenceRule rule) => rule.Type switch
    {
        ArtifactType.Url when rule.UrlHosts.Count > 0 => "a link to your work on " + string.Join(" or ", rule.UrlHosts),
        ArtifactType.Url => "a link to your work",
        ArtifactType.File when rule.Extensions.Count > 0 => "a " + string.Join(" or ", rule.Extensions) + " file",
        ArtifactType.File => "a file",
        ArtifactType.Text => "your written answer",
        _ when rule.UrlHosts.Count > 0 => "a link to your work on " + string.Join(" or ", rule.UrlHosts),
        _ => "your work",
    };
}
