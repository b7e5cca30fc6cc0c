using System.ComponentModel.DataAnnotations;

namespace Petitions.Functions.Runtime.Standalone;

/// <summary>Settings of the standalone queue listeners (section <c>Queues</c>); host.json's extensions.queues holds the rest.</summary>
internal sealed class QueueListenerOptions
{
    public const string Section = "Queues";

    /// <summary>How long a message is hidden while its handler runs; renewed at half-time for long work (the Functions SDK uses 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:02", "7.00:00:00")]
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The first polling delay after an empty receive; it doubles up to host.json's maxPollingInterval.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}

/// <summary>Settings of the standalone timers (section <c>Timers</c>).</summary>
internal sealed class TimerOptions
{
    public const string Section = "Timers";

    /// <summary>Time zone of the NCRONTAB schedules; <c>WEBSITE_TIME_ZONE</c> wins when set; UTC when neither is.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The table holding each timer's schedule status, guarded by ETag so one instance runs each tick.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string LeaseTable { get; set; } = "Leases";
}
