namespace Petitions.Core.LegalClock;

/// <summary>Legal dates are dates in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).</summary>
public static class VietnamDate
{
    /// <summary>Vietnam's offset from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The legal date of an instant.</summary>
    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
