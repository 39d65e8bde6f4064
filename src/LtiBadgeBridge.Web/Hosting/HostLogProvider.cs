using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace LtiBadgeBridge.Web.Hosting;

/// <summary>
/// Hangfire's log provider is one static for the whole process, while each host has its own logger
/// factory. When several hosts live in one process (the demo, tests) and one of them stops, Hangfire
/// would keep logging into a disposed factory and throw from whatever code path logged. This provider
/// resolves the logger per call and drops the entry when its factory is gone.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name) => new Logger(inner, name);

    private sealed class Logger(AspNetCoreLogProvider provider, string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return provider.GetLogger(name).Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
