using System.Security.Cryptography;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Platforms;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Web.Lti;

/// <summary>The LTI 1.3 endpoints: OIDC login initiation, launch, the tool key set, the Canvas JSON
/// configuration and the deep linking response. Every refusal is a 4xx page with a stable code.</summary>
internal static class LtiEndpoints
{
    private const int MaxStorageTargetLength = 64;

    public static void Map(WebApplication app)
    {
        app.MapMethods(LtiUrls.LoginPath, [HttpMethods.Get, HttpMethods.Post], LoginAsync).DisableAntiforgery();
        app.MapPost(LtiUrls.LaunchPath, LaunchAsync).DisableAntiforgery();
        app.MapGet(LtiUrls.JwksPath, JwksAsync);
        app.MapGet(LtiUrls.CanvasConfigPath, CanvasConfigurationAsync);
        app.MapPost(LtiUrls.DeepLinkResponsePath, DeepLinkResponseAsync).DisableAntiforgery();
    }

    private static async Task LoginAsync(HttpContext context)
    {
        var parameters = context.Request.Query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.FirstOrDefault())).ToList();
        if (HttpMethods.IsPost(context.Request.Method))
        {
            if (await ReadFormAsync(context) is not { } form)
            {
                await RefuseAsync(context, "login", LtiHtml.ErrorCodeRequestInvalid);
                return;
            }

            parameters.AddRange(form.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value.FirstOrDefault())));
        }

        var handler = context.RequestServices.GetRequiredService<LoginInitiationHandler>();
        var result = await handler.HandleAsync(parameters, context.RequestAborted);
        if (!result.IsSuccess)
        {
            await RefuseAsync(context, "login", result.Error.Code);
            return;
        }

        var login = result.Value;
        var https = context.RequestServices.GetRequiredService<LtiUrls>().IsHttps;
        context.Response.Cookies.Append(LtiCookies.StateName(login.State, https), login.State, LtiCookies.Options(https, login.ExpiresAt));
        context.Response.Headers.CacheControl = "no-store";
        if (IsFrameName(login.LtiStorageTarget))
        {
            // Third-party cookies may be blocked: also keep the state in the platform's storage.
            await WritePageAsync(context, StatusCodes.Status200OK, LtiHtml.PutStatePage(login.LtiStorageTarget!, login.PlatformOrigin, login.State, login.AuthorizationRedirect), null);
            return;
        }

        context.Response.Redirect(login.AuthorizationRedirect.AbsoluteUri);
    }

    private static async Task LaunchAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var urls = services.GetRequiredService<LtiUrls>();
        if (await ReadFormAsync(context) is not { } form)
        {
            await RefuseAsync(context, "launch", LtiHtml.ErrorCodeRequestInvalid);
            return;
        }

        var idToken = form["id_token"].FirstOrDefault();
        var postedState = form["state"].FirstOrDefault();
        var cookieName = LtiCookies.StateNameForPosted(postedState, urls.IsHttps);
        var browserState = cookieName is null ? null : context.Request.Cookies[cookieName];
        if (string.IsNullOrEmpty(browserState))
        {
            var fromStorage = form[LtiHtml.StorageStateField].FirstOrDefault();
            if (!string.IsNullOrEmpty(fromStorage))
            {
                browserState = fromStorage;
            }
            else if (cookieName is not null && await PlatformOriginAsync(services, idToken, context.RequestAborted) is { } origin)
            {
                // No cookie came back (blocked in the iframe): read the state from platform storage.
                await WritePageAsync(context, StatusCodes.Status200OK, LtiHtml.GetStatePage(origin, idToken!, postedState!), null);
                return;
            }
        }

        var validator = services.GetRequiredService<LaunchValidator>();
        var result = await validator.ValidateAsync(
            new LaunchRequest { IdToken = idToken, PostedState = postedState, BrowserState = browserState }, context.RequestAborted);
        if (cookieName is not null && context.Request.Cookies.ContainsKey(cookieName))
        {
            context.Response.Cookies.Delete(cookieName, LtiCookies.Options(urls.IsHttps, DateTimeOffset.UnixEpoch));
        }

        if (!result.IsSuccess)
        {
            await RefuseAsync(context, "launch", result.Error.Code);
            return;
        }

        var launch = result.Value;
        var binding = await services.GetRequiredService<LaunchBinder>().BindAsync(launch, context.RequestAborted);
        var session = LtiSessionFactory.Create(launch, binding, services.GetRequiredService<TimeProvider>().GetUtcNow() + services.GetRequiredService<IOptions<LtiWebOptions>>().Value.SessionLifetime);
        var token = context.StartLtiSession(session);
        LtiWebLog.Launched(Logger(context), binding.PlatformId, binding.CourseId);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = LtiSessionFactory.LandingPath(session, launch.Message.Custom) + "?" + LtiSessionHttpContextExtensions.TokenParameter + "=" + Uri.EscapeDataString(token);
    }

    private static async Task JwksAsync(HttpContext context)
    {
        var keySet = await context.RequestServices.GetRequiredService<IToolKeySetProvider>().GetKeySetAsync(context.RequestAborted);
        context.Response.Headers.CacheControl = "public, max-age=300";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(keySet.JwksJson, context.RequestAborted);
    }

    private static async Task CanvasConfigurationAsync(HttpContext context)
    {
        var urls = context.RequestServices.GetRequiredService<LtiUrls>();
        var web = context.RequestServices.GetRequiredService<IOptions<LtiWebOptions>>().Value;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(CanvasConfiguration.Build(urls, web, context).ToJsonString(), context.RequestAborted);
    }

    private static async Task DeepLinkResponseAsync(HttpContext context)
    {
        var session = await context.GetLtiSessionAsync();
        if (session?.DeepLink is not { } deepLink || !session.IsInstructor)
        {
            await RefuseAsync(context, "deep-link", LtiHtml.ErrorCodeSessionMissing);
            return;
        }

        var services = context.RequestServices;
        var registration = await services.GetRequiredService<ILtiRegistrationStore>().FindRegistrationAsync(session.Issuer, session.ClientId, context.RequestAborted);
        if (registration is null)
        {
            await RefuseAsync(context, "deep-link", LtiErrorCodes.RegistrationUnknown);
            return;
        }

        var form = await ReadFormAsync(context) ?? FormCollection.Empty;
        var cards = await DeepLinkPicker.ListCardsAsync(services.GetRequiredService<LtiBadgeBridge.Achievements.AchievementStore>(), session, context.RequestAborted);
        var items = DeepLinkPicker.ToContentItems(form, services.GetRequiredService<LtiUrls>().Launch, cards, deepLink.AcceptLineItem);
        var keys = await services.GetRequiredService<IToolKeySetProvider>().GetKeySetAsync(context.RequestAborted);
        var built = services.GetRequiredService<LtiBadgeBridge.Lti.DeepLinking.DeepLinkingResponseBuilder>()
            .Build(DeepLinkPicker.ToLaunch(registration, session, deepLink), items, keys, message: items.Count == 1 ? "Added a badge link." : $"Added {items.Count} badge links.");
        if (!built.IsSuccess)
        {
            await RefuseAsync(context, "deep-link", built.Error.Code);
            return;
        }

        var nonce = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        await WritePageAsync(context, StatusCodes.Status200OK, built.Value.ToAutoPostHtml(nonce), session.FrameAncestors, nonce);
    }

    /// <summary>The origin to talk to for platform storage, from the (not yet verified) token's registration;
    /// null when the token names no registration of ours.</summary>
    private static async Task<string?> PlatformOriginAsync(IServiceProvider services, string? idToken, CancellationToken cancellationToken)
    {
        var maxLength = services.GetRequiredService<IOptions<LtiToolOptions>>().Value.MaxTokenLength;
        if (string.IsNullOrEmpty(idToken) || idToken.Length > maxLength)
        {
            return null;
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(idToken);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException or FormatException)
        {
            return null;
        }

        string issuer;
        IEnumerable<string> audiences;
        try
        {
            issuer = token.Issuer;
            audiences = token.Audiences.ToList();
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return null;
        }

        if (string.IsNullOrEmpty(issuer))
        {
            return null;
        }

        var registrations = services.GetRequiredService<ILtiRegistrationStore>();
        foreach (var clientId in audiences.Take(5))
        {
            if (await registrations.FindRegistrationAsync(issuer, clientId, cancellationToken) is { } registration)
            {
                return registration.AuthorizationEndpoint.GetLeftPart(UriPartial.Authority);
            }
        }

        return null;
    }

    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }

    internal static Task RefuseAsync(HttpContext context, string endpoint, string code)
    {
        LtiWebLog.Refused(Logger(context), endpoint, code);
        return WritePageAsync(context, StatusFor(code), LtiHtml.ErrorPage(code), null);
    }

    internal static int StatusFor(string code) => code switch
    {
        LtiErrorCodes.RegistrationUnknown or LtiErrorCodes.DeploymentPending or LtiErrorCodes.DeploymentUnknown => StatusCodes.Status403Forbidden,
        LtiHtml.ErrorCodeSessionMissing => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status400BadRequest,
    };

    private static async Task WritePageAsync(HttpContext context, int status, string html, IReadOnlyList<string>? frameAncestors, string? scriptNonce = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        context.Response.Headers.ContentSecurityPolicy = LtiHtml.ContentSecurityPolicy(frameAncestors, scriptNonce);
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    private static bool IsFrameName(string? target) =>
        target is { Length: > 0 and <= MaxStorageTargetLength } && target.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LtiBadgeBridge.Web.Lti");
}
