using Microsoft.Azure.Functions.Worker;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Escalations;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.DevClock;

/// <summary>
/// <c>POST /dev/clock { now }</c>: Development only. Sets the application clock, then runs the escalation sweep once at
/// the new time (rather than waiting up to five minutes for the timer), so that the rungs now due fire at once.
/// </summary>
public sealed class DevClockEndpoint(TimeProvider clock, SweepEscalations.Handler sweep)
{
    public const string Name = "DevClock";

    [Function(Name)]
    [FunctionAccess(Audience.Development, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dev/clock")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await req.ReadJsonAsync<ClockBody>(cancellationToken).ConfigureAwait(false);
        if (body?.Now is not { } now)
        {
            return UseCaseResults.Problem(400, "now.required", "Send { \"now\": \"2026-12-01T08:00:00+07:00\" }.",
                [new("now", "now.required", "now is required (ISO 8601 with offset).", "Cần có now (ISO 8601 kèm múi giờ).")]);
        }

        switch (clock)
        {
            case AppClock app:
                app.Set(now);
                break;
            case ManualTimeProvider manual:
                manual.SetUtcNow(now);
                break;
            default:
                return UseCaseResults.Problem(409, "clock.fixed", "The application clock is the system clock here; it cannot be set.");
        }

        var swept = await sweep.HandleAsync(new(now), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new { now = clock.GetUtcNow(), escalationsEnqueued = swept.CasesEnqueued });
    }

    internal sealed record ClockBody(DateTimeOffset? Now = null);
}
