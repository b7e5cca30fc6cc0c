using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Petitions.Functions.Runtime.Metadata;
using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Runtime.HostMode;

/// <summary>
/// Under the Functions host, queue and timer triggers arrive as <c>POST /{FunctionName}</c> with
/// <c>{"Data":{binding:…},"Metadata":{…}}</c>. We answer 200 <c>{"Outputs":{},"Logs":[…],"ReturnValue":null}</c> when the
/// handler succeeded, 500 with the same shape when it failed (the host then retries and, after maxDequeueCount, poisons),
/// and 400 problem+json when the payload is not what the host sends.
/// </summary>
internal static partial class HostInvocationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, FunctionCatalog catalog)
    {
        foreach (var function in catalog.Functions.Where(f => f.Trigger is QueueTriggerBinding or TimerTriggerBinding))
        {
            var definition = function;
            endpoints.MapPost("/" + definition.Name, (HttpContext http, FunctionInvoker invoker, ILoggerFactory loggers) =>
                    InvokeAsync(http, definition, invoker, loggers.CreateLogger("Petitions.Functions.HostMode")))
                .WithDisplayName($"Host trigger {definition.Name}")
                .WithMetadata(new HostTriggerEndpoint(definition.Name))
                .ExcludeFromDescription();
        }
    }

    private static async Task<IResult> InvokeAsync(HttpContext http, FunctionDefinition function, FunctionInvoker invoker, ILogger logger)
    {
        JsonDocument payload;
        try
        {
            payload = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return BadPayload(function, "The body is not JSON.");
        }

        using (payload)
        {
            var root = payload.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("Data", out var data) || data.ValueKind != JsonValueKind.Object ||
                !data.TryGetProperty(function.Trigger.Name, out var value))
            {
                return BadPayload(function, $"Expected {{\"Data\":{{\"{function.Trigger.Name}\":…}},\"Metadata\":{{…}}}}.");
            }

            var metadata = root.TryGetProperty("Metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
            var log = new InvocationLog();
            try
            {
                switch (function.Trigger)
                {
                    case QueueTriggerBinding:
                        await invoker.InvokeQueueAsync(
                            new QueueTriggerMessage(
                                function.Name,
                                value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(),
                                Text(metadata, "Id") ?? string.Empty,
                                Long(metadata, "DequeueCount") ?? 1,
                                Time(metadata, "InsertionTime"),
                                log),
                            http.RequestAborted).ConfigureAwait(false);
                        break;
                    case TimerTriggerBinding:
                        if (value.ValueKind != JsonValueKind.Object)
                        {
                            return BadPayload(function, $"Data.{function.Trigger.Name} must be the timer object.");
                        }

                        await invoker.InvokeTimerAsync(
                            new TimerTriggerInfo(
                                function.Name,
                                value.TryGetProperty("IsPastDue", out var late) && late.ValueKind == JsonValueKind.True,
                                Status(value),
                                log),
                            http.RequestAborted).ConfigureAwait(false);
                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
            {
                LogFailure(logger, e, function.Name);
                log.Add($"{function.Name} failed: {e.GetType().Name}");
                return Results.Json(new HostResponse(new Dictionary<string, object?>(), log.Lines, null), statusCode: StatusCodes.Status500InternalServerError);
            }

            return Results.Json(new HostResponse(new Dictionary<string, object?>(), log.Lines, null));
        }
    }

    private static ScheduleStatus? Status(JsonElement timer)
    {
        if (!timer.TryGetProperty("ScheduleStatus", out var status) || status.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return Time(status, "Last") is { } last && Time(status, "Next") is { } next
            ? new ScheduleStatus(last, next, Time(status, "LastUpdated") ?? last)
            : null;
    }

    private static IResult BadPayload(FunctionDefinition function, string detail) =>
        Results.Problem(
            title: "Invalid trigger payload",
            detail: $"POST /{function.Name}: {detail}",
            statusCode: StatusCodes.Status400BadRequest);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Long(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed; answering 500 so that the host retries")]
    private static partial void LogFailure(ILogger logger, Exception exception, string function);
}

/// <summary>Marks the endpoint that receives a trigger from the Functions host (its path is the function name).</summary>
internal sealed record HostTriggerEndpoint(string FunctionName);

/// <summary>The custom-handler response the Functions host expects.</summary>
internal sealed record HostResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue);
