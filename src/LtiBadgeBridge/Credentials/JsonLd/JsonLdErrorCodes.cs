namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>JSON-LD 1.1 API error codes (spec §9.4.2), plus <see cref="SafeModeViolation"/> and <see cref="InvalidInput"/>.</summary>
public static class JsonLdErrorCodes
{
    public const string CollidingKeywords = "colliding keywords";
    public const string ContextOverflow = "context overflow";
    public const string CyclicIriMapping = "cyclic IRI mapping";
    public const string InvalidAtId = "invalid @id value";
    public const string InvalidAtImport = "invalid @import value";
    public const string InvalidAtIncluded = "invalid @included value";
    public const string InvalidAtIndex = "invalid @index value";
    public const string InvalidAtNest = "invalid @nest value";
    public const string InvalidAtPrefix = "invalid @prefix value";
    public const string InvalidAtPropagate = "invalid @propagate value";
    public const string InvalidAtProtected = "invalid @protected value";
    public const string InvalidAtReverse = "invalid @reverse value";
    public const string InvalidAtVersion = "invalid @version value";
    public const string InvalidBaseDirection = "invalid base direction";
    public const string InvalidBaseIri = "invalid base IRI";
    public const string InvalidContainerMapping = "invalid container mapping";
    public const string InvalidContextEntry = "invalid context entry";
    public const string InvalidContextNullification = "invalid context nullification";
    public const string InvalidDefaultLanguage = "invalid default language";
    public const string InvalidIriMapping = "invalid IRI mapping";
    public const string InvalidJsonLiteral = "invalid JSON literal";
    public const string InvalidKeywordAlias = "invalid keyword alias";
    public const string InvalidLanguageMapping = "invalid language mapping";
    public const string InvalidLanguageMapValue = "invalid language map value";
    public const string InvalidLanguageTaggedString = "invalid language-tagged string";
    public const string InvalidLanguageTaggedValue = "invalid language-tagged value";
    public const string InvalidLocalContext = "invalid local context";
    public const string InvalidRemoteContext = "invalid remote context";
    public const string InvalidReverseProperty = "invalid reverse property";
    public const string InvalidReversePropertyMap = "invalid reverse property map";
    public const string InvalidReversePropertyValue = "invalid reverse property value";
    public const string InvalidScopedContext = "invalid scoped context";
    public const string InvalidSetOrListObject = "invalid set or list object";
    public const string InvalidTermDefinition = "invalid term definition";
    public const string InvalidTypeMapping = "invalid type mapping";
    public const string InvalidTypeValue = "invalid type value";
    public const string InvalidTypedValue = "invalid typed value";
    public const string InvalidValueObject = "invalid value object";
    public const string InvalidValueObjectValue = "invalid value object value";
    public const string InvalidVocabMapping = "invalid vocab mapping";
    public const string IriConfusedWithPrefix = "IRI confused with prefix";
    public const string KeywordRedefinition = "keyword redefinition";
    public const string LoadingDocumentFailed = "loading document failed";
    public const string LoadingRemoteContextFailed = "loading remote context failed";
    public const string ProcessingModeConflict = "processing mode conflict";
    public const string ProtectedTermRedefinition = "protected term redefinition";

    /// <summary>Safe mode: a property or type would be silently dropped (undefined term).</summary>
    public const string SafeModeViolation = "safe mode violation";

    /// <summary>The input is not usable JSON (too deep, too large, not an object).</summary>
    public const string InvalidInput = "invalid input";
}
