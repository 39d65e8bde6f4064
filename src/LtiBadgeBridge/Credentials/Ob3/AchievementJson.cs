using System.Text.Json.Nodes;

namespace LtiBadgeBridge.Credentials.Ob3;

/// <summary>Writes an <see cref="AchievementDefinition"/> as an OB 3.0 <c>Achievement</c>.</summary>
internal static class AchievementJson
{
    public static JsonObject Build(AchievementDefinition a, bool withExtension)
    {
        var narrative = a.CriteriaNarrative;
        if (a.MicroCredential is { IsEmpty: false } mc)
        {
            narrative = string.IsNullOrWhiteSpace(narrative) ? mc.ToNarrative() : narrative.TrimEnd() + "\n\n" + mc.ToNarrative();
        }

        var criteria = new JsonObject();
        if (a.CriteriaUrl is not null)
        {
            criteria["id"] = a.CriteriaUrl.AbsoluteUri;
        }

        criteria["narrative"] = narrative;

        var json = new JsonObject
        {
            ["id"] = a.Id.AbsoluteUri,
            ["type"] = new JsonArray("Achievement"),
            ["achievementType"] = a.AchievementType,
            ["name"] = a.Name,
            ["description"] = a.Description,
            ["criteria"] = criteria,
        };
        if (a.Image is not null)
        {
            json["image"] = Image(a.Image, a.ImageCaption);
        }

        if (a.Alignments.Count > 0)
        {
            json["alignment"] = Alignments(a.Alignments);
        }

        if (a.ResultDescriptions.Count > 0)
        {
            json["resultDescription"] = new JsonArray([.. a.ResultDescriptions.Select(ResultDescription)]);
        }

        if (a.CreditsAvailable is { } credits)
        {
            json["creditsAvailable"] = credits;
        }

        Put(json, "humanCode", a.HumanCode);
        Put(json, "fieldOfStudy", a.FieldOfStudy);
        Put(json, "specialization", a.Specialization);
        Put(json, "inLanguage", a.InLanguage);
        Put(json, "version", a.Version);
        if (a.Tags.Count > 0)
        {
            json["tag"] = new JsonArray([.. a.Tags.Select(t => (JsonNode)t)]);
        }

        if (a.OtherIdentifiers.Count > 0)
        {
            json["otherIdentifier"] = new JsonArray([.. a.OtherIdentifiers.Select(o => (JsonNode)new JsonObject
            {
                ["type"] = "IdentifierEntry", ["identifier"] = o.Identifier, ["identifierType"] = o.IdentifierType,
            })]);
        }

        if (a.Endorsements.Count > 0)
        {
            json["endorsement"] = new JsonArray([.. a.Endorsements.Select(e => e.DeepClone())]);
        }

        if (a.EndorsementJwts.Count > 0)
        {
            json["endorsementJwt"] = new JsonArray([.. a.EndorsementJwts.Select(e => (JsonNode)e)]);
        }

        if (withExtension && a.MicroCredential is { IsEmpty: false } ext)
        {
            if (ext.WorkloadHours is { } hours)
            {
                json["workloadHours"] = hours;
            }

            Put(json, "assessmentType", ext.AssessmentType);
            Put(json, "deliveryMode", ext.DeliveryMode);
            Put(json, "qualityAssurance", ext.QualityAssurance);
            Put(json, "prerequisites", ext.Prerequisites);
            Put(json, "stackability", ext.Stackability);
        }

        return json;
    }

    public static JsonObject Image(Uri image, string? caption)
    {
        var json = new JsonObject { ["id"] = image.OriginalString, ["type"] = "Image" };
        Put(json, "caption", caption);
        return json;
    }

    public static JsonArray Alignments(IEnumerable<AchievementAlignment> alignments) =>
        new([.. alignments.Select(al =>
        {
            var json = new JsonObject
            {
                ["type"] = new JsonArray("Alignment"),
                ["targetName"] = al.TargetName,
                ["targetUrl"] = al.TargetUrl.AbsoluteUri,
            };
            Put(json, "targetFramework", al.TargetFramework);
            Put(json, "targetCode", al.TargetCode);
            Put(json, "targetDescription", al.TargetDescription);
            Put(json, "targetType", al.TargetType);
            return (JsonNode)json;
        })]);

    private static JsonObject ResultDescription(ResultDescriptionDefinition d)
    {
        var json = new JsonObject
        {
            ["id"] = d.Id,
            ["type"] = new JsonArray("ResultDescription"),
            ["name"] = d.Name,
            ["resultType"] = d.ResultType,
        };
        if (d.AllowedValues.Count > 0)
        {
            json["allowedValue"] = new JsonArray([.. d.AllowedValues.Select(v => (JsonNode)v)]);
        }

        Put(json, "requiredValue", d.RequiredValue);
        Put(json, "requiredLevel", d.RequiredLevel);
        Put(json, "valueMin", d.ValueMin);
        Put(json, "valueMax", d.ValueMax);
        if (d.Alignments.Count > 0)
        {
            json["alignment"] = Alignments(d.Alignments);
        }

        if (d.RubricLevels.Count > 0)
        {
            json["rubricCriterionLevel"] = new JsonArray([.. d.RubricLevels.Select(l =>
            {
                var level = new JsonObject
                {
                    ["id"] = l.Id, ["type"] = new JsonArray("RubricCriterionLevel"), ["name"] = l.Name,
                };
                Put(level, "level", l.Level);
                Put(level, "description", l.Description);
                Put(level, "points", l.Points);
                return (JsonNode)level;
            })]);
        }

        return json;
    }

    internal static void Put(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json[name] = value;
        }
    }
}
