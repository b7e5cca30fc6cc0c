using System.Text.Json;
using System.Xml.Linq;
using Azure;

namespace Petitions.Infrastructure.Storage.Pipeline;

/// <summary>Turns a failed response into a <see cref="StorageRequestException"/> with status and error code.</summary>
internal static class StorageErrors
{
    public static StorageRequestException From(Response response, string operation)
    {
        var code = ErrorCode(response);
        var status = response.Status;
        var message = $"Storage operation {operation} failed with HTTP {status}{(code is null ? string.Empty : " (" + code + ")")}.";
        return status switch
        {
            409 when code is "EntityAlreadyExists" => new EntityAlreadyExistsException(status, code, message),
            412 => new ConcurrencyConflictException(status, code, message),
            _ => new StorageRequestException(status, code, message),
        };
    }

    public static string? ErrorCode(Response response)
    {
        if (response.Headers.TryGetValue("x-ms-error-code", out var header) && !string.IsNullOrEmpty(header))
        {
            return header;
        }

        return BodyErrorCode(response.Content?.ToString());
    }

    /// <summary>The code in a Table (JSON <c>odata.error.code</c>) or Queue (XML <c>Error/Code</c>) error body.</summary>
    public static string? BodyErrorCode(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var trimmed = body.TrimStart();
            if (trimmed.StartsWith('{'))
            {
                using var doc = JsonDocument.Parse(trimmed);
                return doc.RootElement.TryGetProperty("odata.error", out var error) && error.TryGetProperty("code", out var code)
                    ? code.GetString()
                    : null;
            }

            if (trimmed.StartsWith('<'))
            {
                return XDocument.Parse(trimmed).Root?.Element("Code")?.Value;
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }

        return null;
    }
}
