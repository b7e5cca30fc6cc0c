namespace Petitions.LocalHost;

/// <summary>A log line the host wrote or received from the worker, kept for tests (e.g. personal-data scans).</summary>
public sealed record CapturedLog(DateTimeOffset At, string Source, string Category, string Level, string Message);
