using LtiBadgeBridge.Lti.Messages;
using Microsoft.IdentityModel.JsonWebTokens;

namespace LtiBadgeBridge.Lti.Launch.Steps;

/// <summary>The id_token is a compact JWS of bounded size with a JSON header (with <c>alg</c>) and a JSON
/// object payload. Garbage of any size is refused without an exception escaping.</summary>
public sealed class JwtFormatStep(int maxTokenLength) : ILaunchValidationStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchValidationContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Validate(context));

    private LtiError? Validate(LaunchValidationContext context)
    {
        var idToken = context.Request.IdToken;
        if (string.IsNullOrEmpty(idToken))
        {
            return Malformed("No id_token was posted.");
        }

        if (idToken.Length > maxTokenLength)
        {
            return new LtiError(LtiErrorCodes.JwtTooLarge, "The id_token is larger than this tool accepts.");
        }

        var dots = 0;
        foreach (var c in idToken)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return Malformed("The id_token contains characters outside base64url.");
            }
        }

        if (dots != 2)
        {
            return Malformed("The id_token is not a three-part JWS.");
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(idToken);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            // SecurityTokenMalformedException derives from ArgumentException.
            return Malformed("The id_token header or payload is not valid JSON.");
        }

        if (string.IsNullOrEmpty(token.Alg))
        {
            return Malformed("The id_token header has no alg.");
        }

        if (token.TryGetHeaderValue<object>("crit", out _))
        {
            return Malformed("The id_token header lists critical extensions this tool does not understand.");
        }

        if (token.EncodedSignature.Length == 0)
        {
            return Malformed("The id_token is not signed.");
        }

        var message = LtiMessageParser.Parse(token);
        if (message is null)
        {
            return Malformed("The id_token payload is not a JSON object.");
        }

        context.Token = token;
        context.Message = message;
        return null;
    }

    private static LtiError Malformed(string message) => new(LtiErrorCodes.JwtMalformed, message);
}
