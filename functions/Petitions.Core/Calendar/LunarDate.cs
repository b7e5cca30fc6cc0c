namespace Petitions.Core.Calendar;

/// <summary>A date of the Vietnamese lunisolar calendar (âm lịch).</summary>
/// <param name="Year">The lunar year, numbered as the Gregorian year in which its Tết falls.</param>
/// <param name="Month">1–12 (tháng Giêng = 1, tháng Chạp = 12).</param>
/// <param name="Day">1–30.</param>
/// <param name="IsLeapMonth">True for the intercalary month (tháng nhuận) that repeats <paramref name="Month"/>.</param>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    /// <inheritdoc />
    public override string ToString() => $"{Day}/{Month}{(IsLeapMonth ? " (nhuận)" : string.Empty)}/{Year} âm lịch";
}
