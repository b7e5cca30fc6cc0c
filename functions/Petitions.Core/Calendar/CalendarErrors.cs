namespace Petitions.Core.Calendar;

/// <summary>A date outside the years the working calendar can compute (see <see cref="VietnameseLunarCalendar.MinYear"/>).</summary>
public sealed class CalendarDateOutOfRangeException : ArgumentOutOfRangeException
{
    /// <summary>Creates the error for <paramref name="year"/>.</summary>
    public CalendarDateOutOfRangeException(int year)
        : base(nameof(year), year, $"The Vietnamese calendar covers the years {VietnameseLunarCalendar.MinYear}–{VietnameseLunarCalendar.MaxYear}; {year} is outside.")
    {
        Year = year;
    }

    /// <summary>The rejected year.</summary>
    public int Year { get; }
}

/// <summary>A lunar date that does not exist (no such leap month that year, or day 30 of a 29-day month).</summary>
public sealed class InvalidLunarDateException : ArgumentException
{
    /// <summary>Creates the error for <paramref name="date"/>.</summary>
    public InvalidLunarDateException(LunarDate date, string reason)
        : base($"{date} does not exist: {reason}.")
    {
        Date = date;
    }

    /// <summary>The rejected lunar date.</summary>
    public LunarDate Date { get; }
}
