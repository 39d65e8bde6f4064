using System.Globalization;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Gradebook;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.DeepLinking;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Lti.Platforms;
using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Web.Lti;

/// <summary>Turns the instructor's choice on the deep linking page into content items — one badge card per picked
/// achievement (an <c>ltiResourceLink</c> with <c>custom.achievement_id</c>, optionally with its gradebook column), or
/// a plain link to the course's badges — and the session's deep linking state back into the launch the response
/// builder answers.</summary>
internal static class DeepLinkPicker
{
    public const string DefaultTitle = "Badges";
    public const string AchievementIdParameter = "achievement_id";
    public const string AchievementField = "achievement";
    public const string GradebookColumnField = "gradebook_column";
    private const int MaxTitleLength = 200;
    private const int MaxTextLength = 1000;

    /// <summary>A badge card the picker offers: an active achievement of the session's course.</summary>
    public sealed record BadgeCard(long AchievementId, string Name, string? Description, string? Image);

    /// <summary>The active achievements of the session's course (its own and the institution's), as cards.</summary>
    public static async Task<IReadOnlyList<BadgeCard>> ListCardsAsync(AchievementStore achievements, LtiSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(achievements);
        ArgumentNullException.ThrowIfNull(session);
        if (session.CourseId is not { } courseId)
        {
            return [];
        }

        var active = await achievements.ListActiveAsync(session.PlatformId, courseId, cancellationToken);
        var cards = new List<BadgeCard>(active.Count);
        foreach (var entry in active)
        {
            AchievementDefinition? definition = null;
            try
            {
                definition = AchievementDefinitionReader.Read(entry.Version.Definition, "achievement " + entry.Achievement.Slug).Definition;
            }
            catch (FormatException)
            {
                // A definition that no longer reads still gets a card with its stored name.
            }

            cards.Add(new BadgeCard(entry.Achievement.Id, definition?.Name ?? entry.Achievement.Name, definition?.Description, definition?.Image));
        }

        return cards;
    }

    /// <summary>The items for the form: the picked badge cards (ids not offered are ignored), else a link titled by the form.</summary>
    public static IReadOnlyList<LtiResourceLinkItem> ToContentItems(IFormCollection form, Uri launchUri, IReadOnlyList<BadgeCard> cards, bool acceptsLineItem)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(cards);
        var picked = form[AchievementField]
            .Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>()
            .ToHashSet();
        if (picked.Count == 0)
        {
            return [ToContentItem(form, launchUri)];
        }

        var column = acceptsLineItem && form[GradebookColumnField].FirstOrDefault() is "on" or "true";
        return [.. cards.Where(c => picked.Contains(c.AchievementId)).Select(c => ToBadgeCard(c, launchUri, column))];
    }

    public static LtiResourceLinkItem ToBadgeCard(BadgeCard card, Uri launchUri, bool withGradebookColumn)
    {
        ArgumentNullException.ThrowIfNull(card);
        var title = Truncate(card.Name, MaxTitleLength);
        var image = Uri.TryCreate(card.Image, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : null;
        return new LtiResourceLinkItem
        {
            Title = title,
            Text = card.Description is { Length: > 0 } text ? Truncate(text, MaxTextLength) : null,
            Url = launchUri,
            Icon = image is null ? null : new ContentItemImage(image, 64, 64),
            Thumbnail = image is null ? null : new ContentItemImage(image, 128, 128),
            Custom = new Dictionary<string, string> { [AchievementIdParameter] = card.AchievementId.ToString(CultureInfo.InvariantCulture) },
            LineItem = withGradebookColumn
                ? new DeepLinkingLineItem(1, title, GradebookKinds.ResourceId(card.AchievementId), GradebookKinds.LineItemTag)
                : null,
        };
    }

    public static LtiResourceLinkItem ToContentItem(IFormCollection form, Uri launchUri)
    {
        ArgumentNullException.ThrowIfNull(form);
        var title = form["title"].FirstOrDefault()?.Trim();
        title = string.IsNullOrEmpty(title) ? DefaultTitle : Truncate(title, MaxTitleLength);

        DeepLinkingLineItem? lineItem = null;
        if (form["line_item"].FirstOrDefault() is "on" or "true")
        {
            var maximum = double.TryParse(form["score_maximum"].FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                && parsed is > 0 and <= 100000 ? parsed : 100;
            lineItem = new DeepLinkingLineItem(maximum, title);
        }

        return new LtiResourceLinkItem { Title = title, Url = launchUri, LineItem = lineItem };
    }

    public static LtiLaunch ToLaunch(PlatformRegistration registration, LtiSession session, DeepLinkRequestState deepLink) => new()
    {
        Registration = registration,
        DeploymentId = session.DeploymentId,
        Message = new LtiMessage
        {
            MessageType = LtiConstants.MessageTypes.DeepLinkingRequest,
            Version = LtiConstants.LtiVersion,
            DeploymentId = session.DeploymentId,
            Issuer = registration.Issuer,
            DeepLinkingSettings = new DeepLinkingSettingsClaim
            {
                DeepLinkReturnUrl = deepLink.ReturnUrl,
                Data = deepLink.Data,
                AcceptTypes = deepLink.AcceptTypes,
                AcceptMultiple = deepLink.AcceptMultiple,
                AcceptLineItem = deepLink.AcceptLineItem,
            },
        },

        // The login was consumed at launch; the builder only needs the registration and settings.
        Login = new IssuedLogin
        {
            State = "",
            Nonce = "",
            RegistrationId = registration.Id,
            Issuer = registration.Issuer,
            ClientId = registration.ClientId,
            TargetLinkUri = "",
            ExpiresAt = session.ExpiresAt,
        },
    };

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;
}
