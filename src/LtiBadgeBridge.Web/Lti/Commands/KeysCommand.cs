using System.Globalization;
using LtiBadgeBridge.Keys;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Web.Cli;

namespace LtiBadgeBridge.Web.Lti.Commands;

/// <summary>
/// <c>keys rotate --purpose lti [--overlap-days 7]</c>: a new key signs; old public keys stay published.
/// Issuer keys (<c>--purpose credential-jwt|credential-di --platform ID</c>) are rotated by <see cref="Credentials.CredentialKeysCommand"/>.
/// </summary>
internal sealed class KeysCommand(TextWriter? output = null, TextWriter? error = null) : IOperatorCommand
{
    private readonly CommandOutput _io = new(output, error);

    public string Name => "keys";

    public string Usage => "rotate --purpose lti [--overlap-days 7] | rotate --purpose credential-jwt|credential-di --platform ID   (new signing key; old public keys stay published)";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (words.Count == 0 || words[0] != "rotate")
        {
            return await _io.FailAsync("usage: keys " + Usage);
        }

        var purpose = commandLine.Option("--purpose") ?? KeyPurposes.Lti;
        if (purpose is KeyPurposes.CredentialJwt or KeyPurposes.CredentialDataIntegrity)
        {
            return await new Credentials.CredentialKeysCommand().RunAsync(services, words, commandLine, cancellationToken);
        }

        if (purpose != KeyPurposes.Lti)
        {
            return await _io.FailAsync($"unknown --purpose '{purpose}': use lti, credential-jwt or credential-di.");
        }

        var overlapDays = 7;
        if (commandLine.Option("--overlap-days") is { } days
            && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out overlapDays) || overlapDays is < 1 or > 365))
        {
            return await _io.FailAsync("--overlap-days must be a number of days from 1 to 365.");
        }

        var created = await services.GetRequiredService<KeyRing>().RotateAsync(purpose, null, "RS256", TimeSpan.FromDays(overlapDays), cancellationToken);
        services.GetRequiredService<KeyRingToolKeySetProvider>().Invalidate();
        await _io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"new {purpose} key {created.Kid}; previous keys stay published for {overlapDays} days"));
        return CliApp.ExitOk;
    }
}
