using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using WireMock;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace LtiBadgeBridge.Testing.Emulators;

/// <summary>Shared plumbing of the LMS emulators: a WireMock server on 127.0.0.1 and response builders.</summary>
internal static class EmulatorHttp
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
    };

    public static WireMockServer StartServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port}"],
            StartAdminInterface = false,
            MaxRequestLogCount = 0,
            DisableJsonBodyParsing = true,
        });
    }

    public static ResponseMessage JsonResponse(int status, object? body) =>
        Text(status, JsonSerializer.Serialize(body, Json), "application/json; charset=utf-8");

    public static ResponseMessage Text(int status, string body, string contentType)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData
            {
                BodyAsString = body,
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
        response.AddHeader("Content-Type", contentType);
        return response;
    }

    public static ResponseMessage Bytes(int status, byte[] body, string contentType)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsBytes = body, DetectedBodyType = BodyType.Bytes },
        };
        response.AddHeader("Content-Type", contentType);
        return response;
    }

    /// <summary>The raw (still percent-encoded) query pairs, in order.</summary>
    public static List<KeyValuePair<string, string>> RawQuery(IRequestMessage request)
    {
        var query = request.RawQuery ?? string.Empty;
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            pairs.Add(equals < 0 ? new(part, string.Empty) : new(part[..equals], part[(equals + 1)..]));
        }

        return pairs;
    }

    /// <summary>Decoded query and form parameters; later values of a repeated key win.</summary>
    public static Dictionary<string, string> Parameters(IRequestMessage request)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in RawQuery(request))
        {
            result[Decode(key)] = Decode(value);
        }

        if (!string.IsNullOrEmpty(request.Body) && request.Headers is { } headers &&
            headers.TryGetValue("Content-Type", out var types) &&
            types.Any(t => t.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var part in request.Body.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var key = equals < 0 ? part : part[..equals];
                var value = equals < 0 ? string.Empty : part[(equals + 1)..];
                result[Decode(key)] = Decode(value);
            }
        }

        return result;
    }

    public static string? Header(IRequestMessage request, string name)
    {
        if (request.Headers is null)
        {
            return null;
        }

        foreach (var (key, values) in request.Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && values.Count > 0)
            {
                return values[0];
            }
        }

        return null;
    }

    public static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
