namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>
/// A JSON-LD processing error. <see cref="ErrorCode"/> is the error code string of the JSON-LD 1.1 API
/// (e.g. <c>invalid term definition</c>, <c>loading remote context failed</c>).
/// </summary>
public sealed class JsonLdException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JsonLdException()
        : this(JsonLdErrorCodes.InvalidInput, "Invalid JSON-LD input.")
    {
    }

    /// <summary>Creates the exception with a message (code <c>invalid input</c>).</summary>
    public JsonLdException(string message)
        : this(JsonLdErrorCodes.InvalidInput, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause (code <c>invalid input</c>).</summary>
    public JsonLdException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = JsonLdErrorCodes.InvalidInput;
    }

    /// <summary>Creates the exception with a JSON-LD error code.</summary>
    public JsonLdException(string errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
    }

    /// <summary>The JSON-LD 1.1 API error code.</summary>
    public string ErrorCode { get; }
}
