namespace LtiBadgeBridge.Credentials.Rdf;

/// <summary>RDFC-1.0 canonicalization stopped because the dataset needs more work than allowed (a poison graph).</summary>
public sealed class RdfcWorkLimitExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RdfcWorkLimitExceededException()
        : base("RDFC-1.0 canonicalization exceeded its work limit.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RdfcWorkLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public RdfcWorkLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
