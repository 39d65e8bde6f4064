namespace LtiBadgeBridge.Data;

/// <summary>A database setting is wrong; the message names the setting and the fix.</summary>
public sealed class DatabaseConfigurationException : Exception
{
    public DatabaseConfigurationException(string message)
        : base(message)
    {
    }

    public DatabaseConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatabaseConfigurationException()
    {
    }
}
