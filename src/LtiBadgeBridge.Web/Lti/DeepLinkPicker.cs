using System.Globalization;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.DeepLinking;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Lti.Platforms;

namespace LtiBadgeBridge.Web.Lti;

/// <summary>Turns the instructor's choice on the deep linking page into a content item, and the session's
/// deep linking state back into the launch the response builder answers.</summary>
internal static class DeepLinkPicker
{
    public const string DefaultTitle = "Badges";
    private const int MaxTitleLength = 200;

    public static LtiResourceLinkItem ToContentItem(IFormCollection form, Uri launchUri)
    {
        var title = form["title"].FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            title = DefaultTitle;
        }
        else if (title.Length > MaxTitleLength)
        {
            title = title[..MaxTitleLength];
        }

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
}
