using System.Security.Cryptography;
using System.Text;

namespace Petitions.Core.Calendar;

/// <summary>
/// One hash per year of the official schedules (Calendar/Schedules/*.data.json): SHA-256 of the document's text with
/// line endings normalised, so a checkout that turns LF into CRLF changes nothing. A year without a schedule falls
/// back to the holiday rules and is fingerprinted as <see cref="RulesOnly"/>.
/// </summary>
public static class CalendarFingerprint
{
    /// <summary>The fingerprint of a year that has no official schedule (the rules apply).</summary>
    public const string RulesOnly = "rules-only";

    /// <summary>The embedded schedule documents, as shipped with this build (the ones the working calendar uses).</summary>
    public static IReadOnlyList<string> EmbeddedDocuments() =>
        [.. CalendarData.ReadEmbedded(name => name.Contains(".Calendar.Schedules.", StringComparison.Ordinal) && name.EndsWith(".data.json", StringComparison.Ordinal))];

    /// <summary>Year → (hash, parsed schedule) of <paramref name="documents"/>; two documents for one year are refused.</summary>
    public static IReadOnlyDictionary<int, (string Hash, OfficialYearSchedule Schedule)> Of(IEnumerable<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var years = new SortedDictionary<int, (string, OfficialYearSchedule)>();
        foreach (var document in documents)
        {
            var schedule = OfficialYearSchedule.Parse(document);
            if (!years.TryAdd(schedule.Year, (Hash(document), schedule)))
            {
                throw new CalendarDataException($"Two official schedules are given for {schedule.Year}.");
            }
        }

        return years;
    }

    /// <summary>The hash of one document (lowercase hex SHA-256 of its LF-normalised UTF-8 text).</summary>
    public static string Hash(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var normalised = document.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
