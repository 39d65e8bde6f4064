namespace LtiBadgeBridge.Issuance;

/// <summary>The outcome of importing or issuing an endorsement, with a stable <see cref="Code"/>.</summary>
public sealed record EndorsementImportResult(string Code, string Message, EndorsementRecord? Record = null)
{
    public const string Stored = "stored";
    public const string AlreadyStored = "already_stored";
    public const string TargetUnknown = "target_unknown";
    public const string Malformed = "malformed";
    public const string NotAnEndorsement = "not_an_endorsement";
    public const string Unsigned = "unsigned";
    public const string WrongSubject = "wrong_subject";
    public const string KeyUnknown = "key_unknown";
    public const string Expired = "expired";
    public const string NotYetValid = "not_yet_valid";
    public const string Invalid = "invalid";

    public bool Succeeded => Code is Stored or AlreadyStored;
}
