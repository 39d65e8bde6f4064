namespace LtiBadgeBridge.Lti.Login;

/// <summary>Reads login initiation parameters from the merged query and form values.</summary>
public static class LoginInitiationParser
{
    private const int MaxValueLength = 4096;

    public static LtiResult<LoginInitiationRequest> Parse(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (!string.IsNullOrEmpty(value) && !values.ContainsKey(name))
            {
                if (value.Length > MaxValueLength)
                {
                    return Invalid($"Parameter {name} is too long.");
                }

                values[name] = value;
            }
        }

        if (!values.TryGetValue("iss", out var issuer))
        {
            return Invalid("The iss parameter is missing.");
        }

        if (!values.TryGetValue("login_hint", out var loginHint))
        {
            return Invalid("The login_hint parameter is missing.");
        }

        if (!values.TryGetValue("target_link_uri", out var target) || !Uri.TryCreate(target, UriKind.Absolute, out var targetUri))
        {
            return Invalid("The target_link_uri parameter is missing or not an absolute URI.");
        }

        if (!values.TryGetValue("client_id", out var clientId))
        {
            return Invalid("The client_id parameter is missing; the platform must send it.");
        }

        return LtiResult<LoginInitiationRequest>.Ok(new LoginInitiationRequest
        {
            Issuer = issuer,
            LoginHint = loginHint,
            TargetLinkUri = targetUri,
            ClientId = clientId,
            LtiMessageHint = values.GetValueOrDefault("lti_message_hint"),
            DeploymentId = values.GetValueOrDefault("lti_deployment_id") ?? values.GetValueOrDefault("deployment_id"),
            LtiStorageTarget = values.GetValueOrDefault("lti_storage_target"),
        });
    }

    private static LtiResult<LoginInitiationRequest> Invalid(string message) =>
        LtiResult<LoginInitiationRequest>.Fail(LtiErrorCodes.LoginInvalid, message);
}
