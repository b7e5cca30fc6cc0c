using System.Globalization;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.Ports;

namespace Petitions.Core.UseCases.Common;

/// <summary>
/// The index rows a case has in its current state (docs/case-handling.md, table CaseIndex). Rows carry list fields
/// only: never a name, phone, address or the letter's content; the phone appears only as its keyed hash.
/// </summary>
public sealed class CaseIndexEntries(EscalationPolicy policy)
{
    /// <summary>Rungs from the unit head upwards put a case on the "escalated" list.</summary>
    private static readonly string[] EscalatedRungs = ["unit-head", "supervisor", "overdue"];

    private readonly EscalationPolicy _policy = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <summary>Partition of a unit's cases in one status.</summary>
    public static string UnitPartition(string unitId, string status) => $"unit-{unitId}-{status}";

    /// <summary>Partition of an officer's open cases.</summary>
    public static string OfficerPartition(string staffId) => $"officer-{staffId}";

    /// <summary>Partition of the running clocks due on a day.</summary>
    public static string DuePartition(DateOnly due) => "due-" + due.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Partition of the cases filed from one phone (keyed hash).</summary>
    public static string PhonePartition(string phoneHash) => $"phone-{phoneHash}";

    /// <summary>Partition of a unit's open escalated cases.</summary>
    public static string EscalatedPartition(string unitId) => $"escalated-{unitId}";

    /// <summary>The unit a case belongs to for lists: the resolving unit, or the filed unit before routing.</summary>
    public static string UnitOf(Case @case, CaseLetter letter)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(letter);
        return @case.UnitId ?? letter.FiledUnitId;
    }

    /// <summary>Every index row of the case.</summary>
    public IReadOnlyList<IndexEntry> For(Case @case, CaseLetter letter)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(letter);
        var unit = UnitOf(@case, letter);
        var status = CaseNames.Status(@case.Status);
        var running = @case.RunningClocks.ToList();
        DateOnly? due = running.Count == 0 ? null : running.Min(c => c.Due);
        var values = new IndexValues(@case.Id, CaseNames.Kind(@case.Kind), letter.Title, status, unit, @case.OfficerId, due, @case.LastRung);
        var entries = new List<IndexEntry>
        {
            new(new IndexKey(UnitPartition(unit, status), @case.Id), values),
            new(new IndexKey(PhonePartition(letter.PhoneHash), @case.Id), values),
        };
        // A unit that forwarded the case (chuyển đơn) keeps it on its "forwarded" list, for its register of letters
        // sent on; the case itself now belongs to the receiving unit.
        foreach (var from in @case.ForwardedFrom.Where(f => f != unit).Distinct(StringComparer.Ordinal))
        {
            var forwarded = CaseNames.Status(CaseStatus.Forwarded);
            entries.Add(new(new IndexKey(UnitPartition(from, forwarded), @case.Id), values with { Status = forwarded }));
        }

        if (@case.IsOpen && @case.OfficerId is { } officer)
        {
            entries.Add(new(new IndexKey(OfficerPartition(officer), @case.Id), values));
        }

        if (@case.IsOpen && @case.LastRung is { } rung && EscalatedRungs.Contains(rung))
        {
            entries.Add(new(new IndexKey(EscalatedPartition(unit), @case.Id), values));
        }

        foreach (var clock in running)
        {
            var watched = new WatchedClock(@case.Id, clock.Kind, clock.Step, clock.Due);
            var next = _policy.NextRungOn(watched, @case.FiredRungs);
            entries.Add(new(
                new IndexKey(DuePartition(clock.Due), $"{@case.Id}-{clock.Step}"),
                values with { Due = clock.Due, Step = clock.Step, NextRungOn = next }));
        }

        return entries;
    }
}
