using Petitions.Infrastructure.Reception;

namespace Petitions.Functions.App;

/// <summary>
/// Where reception keeps and reads its data (section <c>Reception</c>): <c>Reception:BookingsTable</c>, the bookings
/// table (default <see cref="TableReceptionBookingStore.DefaultTableName"/>), and <c>Reception:SchedulesPath</c>, a
/// schedules file (empty: the embedded demo schedules). Read here and nowhere else, validated at start.
/// </summary>
public sealed class ReceptionConfiguration
{
    public const string SectionName = "Reception";

    public string BookingsTable { get; set; } = TableReceptionBookingStore.DefaultTableName;

    public string? SchedulesPath { get; set; }

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();

        // Table service names: 3-63 letters and digits, not starting with a digit.
        if (BookingsTable.Length is < 3 or > 63 || !char.IsAsciiLetter(BookingsTable[0]) || !BookingsTable.All(char.IsAsciiLetterOrDigit))
        {
            problems.Add($"The setting Reception:BookingsTable '{BookingsTable}' is not a table name (3-63 letters and digits, starting with a letter).");
        }

        if (SchedulesPath is { Length: > 0 } path && !File.Exists(path))
        {
            problems.Add($"The setting Reception:SchedulesPath names no file ('{path}'); leave it empty for the demo schedules.");
        }

        return problems;
    }
}
