namespace LtiBadgeBridge.Web.Hosting;

/// <summary>A setting or the environment stops the start; the message is one line naming the fix.</summary>
internal sealed class StartupException : Exception
{
    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StartupException()
    {
    }
}
