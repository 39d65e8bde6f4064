using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;

namespace LtiBadgeBridge.Credentials.Ob3;

/// <summary>
/// The standalone OB 3.0 <c>Achievement</c> served at its <c>id</c> URL: the same object credentials embed under
/// <c>credentialSubject.achievement</c>, with an <c>@context</c> and the issuer as <c>creator</c>.
/// </summary>
public static class PublishedAchievement
{
    public static JsonObject Build(AchievementDefinition achievement, IssuerProfile? creator)
    {
        ArgumentNullException.ThrowIfNull(achievement);
        var json = new JsonObject { ["@context"] = new JsonArray(CredentialConstants.VcV2Context, CredentialConstants.Ob3Context) };
        foreach (var (name, value) in AchievementJson.Build(achievement, withExtension: false).ToList())
        {
            json[name] = value?.DeepClone();
        }

        if (creator is not null)
        {
            json["creator"] = IssuerDocuments.EmbeddedProfile(creator, includeEndorsements: false);
        }

        return json;
    }
}
