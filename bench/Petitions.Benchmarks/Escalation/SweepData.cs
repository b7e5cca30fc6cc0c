using System.Globalization;
using Azure.Data.Tables;
using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Configuration;
using Petitions.Infrastructure.Storage;

namespace Petitions.Benchmarks.Escalation;

/// <summary>
/// Seeds a Cases and a CaseIndex table with cases made by the domain itself. Each open case is received, routed and
/// (complaints, denunciations) accepted on a past day, some extended, and every escalation rung due before today is
/// recorded as fired, as earlier sweeps would have done. Closed cases were received, resolved and closed in the past
/// with their events. TableCaseStore writes the case partitions and TableCaseIndex the
/// index rows from CaseIndexEntries, so both tables hold what the app writes. Seeding runs once per emulator: a marker
/// row lets every later benchmark process reuse the data. Azurite's inserts slow down as a table grows, so seeding
/// takes about half a minute for 5,000 open cases and many minutes with a history of closed cases.
/// </summary>
internal static class SweepData
{
    private const string MarkerTable = "BenchSeed";
    private const string Actor = "system";

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>What was written (or found written).</summary>
    internal sealed record Seeded(int OpenCases, int ClosedCases, int DueRows, int DueDays, DateOnly FirstDue, DateOnly LastDue);

    /// <summary>Table names of one data set: every parameter combination has its own tables.</summary>
    public static CaseStorageSettings Names(int open, int closed) => new()
    {
        CasesTable = string.Create(CultureInfo.InvariantCulture, $"Cases{open}c{closed}"),
        IndexTable = string.Create(CultureInfo.InvariantCulture, $"CaseIndex{open}c{closed}"),
    };

    /// <summary>The app's queues, by their development names (local.settings.json).</summary>
    public static readonly TriggerSettings QueueNames = new()
    {
        OutboxQueueName = "case-outbox", IntakeQueueName = "case-intake", EscalationsQueueName = "escalations",
        NotificationsQueueName = "notifications", DeliveryReportsQueueName = "delivery-reports", ZaloEventsQueueName = "zalo-events",
    };

    public static async Task<Seeded> EnsureAsync(TableServiceClient tables, CaseStorageSettings names, int open, int closed, DateOnly today)
    {
        var marker = tables.GetTableClient(MarkerTable);
        await marker.CreateIfMissingAsync().ConfigureAwait(false);
        var key = string.Create(CultureInfo.InvariantCulture, $"{names.CasesTable}-{today:yyyyMMdd}");
        if (await marker.FindAsync("sweep", key).ConfigureAwait(false) is { } done)
        {
            return new Seeded(
                done.GetInt32("OpenCases") ?? 0, done.GetInt32("ClosedCases") ?? 0, done.GetInt32("DueRows") ?? 0, done.GetInt32("DueDays") ?? 0,
                DateOnly.ParseExact(done.GetString("FirstDue")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly.ParseExact(done.GetString("LastDue")!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        await new CaseStorageInitializer(tables, BenchStorage.Queues(), names, QueueNames).EnsureCreatedAsync().ConfigureAwait(false);
        var store = new TableCaseStore(tables.GetTableClient(names.CasesTable));
        var index = new TableCaseIndex(tables.GetTableClient(names.IndexTable));
        var calculator = new DeadlineCalculator(LegalLimits.LoadEmbedded(), VietnamWorkingCalendar.Default);
        var policy = new EscalationPolicy(EscalationLadder.LoadEmbedded(), VietnamWorkingCalendar.Default);
        var entries = new CaseIndexEntries(policy);
        var chart = OrganisationLoader.LoadDemo();
        var random = new Random(20260317);
        var cases = Enumerable.Range(0, open).Select(i => MakeOpen(i, random, chart, calculator, policy, today))
            .Concat(Enumerable.Range(open, closed).Select(i => MakeClosed(i, random, chart, calculator, today)))
            .ToList();

        var dueDays = cases.SelectMany(c => c.Case.RunningClocks).Select(c => c.Due).ToList();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, cancellationToken) =>
        {
            var (@case, letter) = item;
            var commit = new CaseCommit(@case.ToSnapshot(), letter, null, [.. @case.UncommittedEvents], []);
            if ((await store.CommitAsync(commit, cancellationToken).ConfigureAwait(false)).Conflicted)
            {
                throw new InvalidOperationException($"Case {@case.Id} already exists: the emulator holds other data.");
            }

            await index.UpsertAsync(entries.For(@case, letter), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var seeded = new Seeded(open, closed, dueDays.Count, dueDays.Distinct().Count(), dueDays.Min(), dueDays.Max());
        await marker.WriteAsync(new TableEntity("sweep", key)
        {
            ["OpenCases"] = seeded.OpenCases,
            ["ClosedCases"] = seeded.ClosedCases,
            ["DueRows"] = seeded.DueRows,
            ["DueDays"] = seeded.DueDays,
            ["FirstDue"] = seeded.FirstDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["LastDue"] = seeded.LastDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, TableUpdateMode.Replace).ConfigureAwait(false);
        return seeded;
    }

    /// <summary>
    /// One open case whose running clock started on a past day within its limit, so that its due date lies between today
    /// and the end of the limit; one case in twenty is overdue by up to two weeks. Kinds: 40% first-instance complaints,
    /// 15% second-instance, 20% denunciations (a third of them extended), 25% petitions; a fifth of the complaints and
    /// petitions complex; units of the demo province (one remote).
    /// </summary>
    private static (Case Case, CaseLetter Letter) MakeOpen(
        int i, Random random, OrganisationChart chart, DeadlineCalculator calculator, EscalationPolicy policy, DateOnly today)
    {
        var kind = (i % 20) switch
        {
            < 8 => CaseKind.ComplaintFirstInstance,
            < 11 => CaseKind.ComplaintSecondInstance,
            < 15 => CaseKind.Denunciation,
            _ => CaseKind.Petition,
        };
        var units = chart.Units.Where(u => chart.OfficersOf(u.Id).Count > 0).ToList();
        var unit = units[random.Next(units.Count)];
        var officers = chart.OfficersOf(unit.Id);
        var complex = kind != CaseKind.Denunciation && random.Next(5) == 0;

        // The running clock's span in calendar days (roughly): it started within that span before today, so its due
        // date lies between today and the end of its limit, or up to two weeks earlier for the overdue one in twenty.
        var span = kind switch
        {
            CaseKind.ComplaintFirstInstance => complex || unit.RemoteArea ? 45 : 30,
            CaseKind.ComplaintSecondInstance => complex || unit.RemoteArea ? 60 : 45,
            CaseKind.Denunciation => 30,
            _ => 14,
        };
        var started = today.AddDays(-random.Next(1, span + 1) - (random.Next(20) == 0 ? random.Next(1, 15) : 0));
        var received = kind == CaseKind.Petition ? started : started.AddDays(-random.Next(1, 6));
        var id = TrackingCode(i);
        var receivedAt = At(received);

        var @case = Case.Receive(id, kind, complex, remoteArea: false, Actor, receivedAt, calculator);
        var acknowledgeBy = @case.RunningClocks.First().Due;
        @case.Route(unit.Id, unit.RemoteArea, chart.HeadOf(unit.Id).Id, officers[i % officers.Count].Id, "bench", Actor, receivedAt, calculator);
        if (kind != CaseKind.Petition)
        {
            @case.Accept(Actor, At(started), calculator);
            if (random.Next(2) == 0)
            {
                @case.StartWork(Actor, At(started.AddDays(1)));
            }
        }

        if (kind == CaseKind.Denunciation && random.Next(3) == 0)
        {
            @case.Extend("Vụ việc phức tạp, cần xác minh thêm", especiallyComplex: random.Next(2) == 0, Actor, At(started.AddDays(1)), calculator);
        }

        // Earlier sweeps fired every rung due before today, each on its own day.
        var endOfYesterday = new DateTimeOffset(today.AddDays(-1).ToDateTime(new TimeOnly(23, 59)), Vietnam);
        foreach (var rung in policy.DueRungs(WatchedClock.Of(@case), @case.FiredRungs, endOfYesterday))
        {
            @case.RecordEscalation(rung, Actor, At(rung.FiresOn));
        }

        return (@case, Letter(i, unit.Id, kind, receivedAt, acknowledgeBy));
    }

    /// <summary>A case resolved and closed on a past day (the history the Cases table keeps): no running clock, no due row.</summary>
    private static (Case Case, CaseLetter Letter) MakeClosed(int i, Random random, OrganisationChart chart, DeadlineCalculator calculator, DateOnly today)
    {
        var kind = (i % 4) switch
        {
            0 or 1 => CaseKind.ComplaintFirstInstance,
            2 => CaseKind.Denunciation,
            _ => CaseKind.Petition,
        };
        var units = chart.Units.Where(u => chart.OfficersOf(u.Id).Count > 0).ToList();
        var unit = units[random.Next(units.Count)];
        var officers = chart.OfficersOf(unit.Id);
        var received = today.AddDays(-random.Next(60, 730));
        var receivedAt = At(received);
        var @case = Case.Receive(TrackingCode(i), kind, complex: false, remoteArea: false, Actor, receivedAt, calculator);
        var acknowledgeBy = @case.RunningClocks.First().Due;
        @case.Route(unit.Id, unit.RemoteArea, chart.HeadOf(unit.Id).Id, officers[i % officers.Count].Id, "bench", Actor, receivedAt, calculator);
        @case.Accept(Actor, At(received.AddDays(3)), calculator);
        @case.StartWork(Actor, At(received.AddDays(4)));
        @case.Resolve("Đã ban hành quyết định giải quyết", Actor, At(received.AddDays(random.Next(10, 40))));
        @case.Close(Actor, At(received.AddDays(45)));
        return (@case, Letter(i, unit.Id, kind, receivedAt, acknowledgeBy));
    }

    private static CaseLetter Letter(int i, string unitId, CaseKind kind, DateTimeOffset receivedAt, DateOnly acknowledgeBy) =>
        new(
            unitId,
            Titles[i % Titles.Length],
            Content,
            new SealedPerson(Sealed(i, "name"), Sealed(i, "phone"), Sealed(i, "address")),
            null,
            "web",
            null,
            [],
            kind == CaseKind.ComplaintSecondInstance ? 2 : 1,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i % 4000))),
            receivedAt,
            acknowledgeBy);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), Vietnam);

    /// <summary>A tracking code shaped like the real ones (HS-XXXX-XXXX, Crockford base32), unique per index.</summary>
    private static string TrackingCode(int i)
    {
        const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var n = (ulong)i * 2654435761UL % (1UL << 40);
        var chars = new char[8];
        for (var k = 7; k >= 0; k--)
        {
            chars[k] = Alphabet[(int)(n & 31)];
            n >>= 5;
        }

        return $"HS-{new string(chars, 0, 4)}-{new string(chars, 4, 4)}";
    }

    /// <summary>Stands in for a field sealed with AES-GCM: base64 of the same length the real ciphertext has.</summary>
    private static string Sealed(int i, string field) =>
        "v1:" + Convert.ToBase64String(System.Security.Cryptography.SHA512.HashData(System.Text.Encoding.UTF8.GetBytes($"{field}-{i}")));

    private static readonly string[] Titles =
    [
        "Khiếu nại quyết định thu hồi đất và bồi thường",
        "Tố cáo cán bộ địa chính nhận tiền của người dân",
        "Kiến nghị sửa chữa đường liên thôn bị sạt lở",
        "Khiếu nại quyết định xử phạt vi phạm hành chính về xây dựng",
        "Phản ánh ô nhiễm tiếng ồn từ xưởng sản xuất",
    ];

    private const string Content =
        "Kính gửi Ủy ban nhân dân. Tôi xin trình bày sự việc như sau: ngày 12 tháng 8 năm 2025, gia đình tôi nhận được " +
        "quyết định thu hồi một phần diện tích đất ở để mở rộng đường giao thông. Mức bồi thường trong phương án không đúng " +
        "với giá đất thực tế tại địa phương và không tính đến tài sản gắn liền với đất là nhà xưởng đã được cấp phép xây dựng. " +
        "Gia đình tôi đã nhiều lần gửi ý kiến đến tổ công tác nhưng chưa được trả lời bằng văn bản. Tôi đề nghị cơ quan có " +
        "thẩm quyền xem xét lại phương án bồi thường, hỗ trợ, tái định cư và trả lời cho gia đình tôi theo đúng quy định của " +
        "pháp luật. Kèm theo đơn là bản sao quyết định thu hồi đất, biên bản kiểm đếm và các giấy tờ liên quan. Xin trân trọng cảm ơn.";
}
