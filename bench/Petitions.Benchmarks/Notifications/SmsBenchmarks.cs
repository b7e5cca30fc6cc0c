using BenchmarkDotNet.Attributes;
using Petitions.Core.Notifications;

namespace Petitions.Benchmarks.Notifications;

/// <summary>
/// One citizen SMS: the refusal message, the template with the most to shorten (a unit name and a free-text reason).
/// Baseline: filling the template's slots with the raw values (string replacement only), which is what the text would
/// cost without the one-segment guarantee. Against it: the catalogue's rendering (unaccented GSM-7, the unit name
/// abbreviated, the reason cut at a word to fit one segment), and the rendering followed by the segment count the
/// dispatcher records.
/// </summary>
[MemoryDiagnoser]
public class SmsBenchmarks
{
    private const string Code = "HS-7K2Q-9MXT";
    private const string LookupBase = "https://pakn.quangninh.gov.vn/t/";
    private const string UnitName = "Ủy ban nhân dân phường Cẩm Tây, thành phố Cẩm Phả, tỉnh Quảng Ninh";
    private const string Reason =
        "Đơn khiếu nại không có chữ ký của người khiếu nại và nội dung khiếu nại đã được cơ quan có thẩm quyền giải quyết " +
        "bằng quyết định giải quyết khiếu nại lần hai có hiệu lực pháp luật (Luật Khiếu nại 2011, Điều 11).";

    private NotificationCatalogue _catalogue = null!;
    private MessageFacts _facts = null!;
    private string _pattern = null!;

    [GlobalSetup]
    public void Setup()
    {
        _catalogue = new NotificationCatalogue(LookupBase);
        _facts = new MessageFacts(Code) { UnitName = UnitName, Reason = Reason };
        _pattern = NotificationTemplates.Citizen.Single(t => t.Event == NotificationEvent.CaseRefused).Pattern;

        var naive = SmsSegments.Count(NaiveFill());
        var rendered = RenderAndCount();
        Console.WriteLine($"// Raw fill: {naive.Encoding}, {naive.Units} units, {naive.Segments} segments; rendered: {rendered.Encoding}, {rendered.Units} units, {rendered.Segments} segment(s)");
        if (rendered is not { Encoding: SmsEncoding.Gsm7, Segments: 1 })
        {
            throw new InvalidOperationException($"The rendered refusal is {rendered}, not one GSM-7 segment.");
        }
    }

    /// <summary>The slots filled with the raw (accented, full-length) values.</summary>
    [Benchmark(Baseline = true)]
    public string NaiveFill() => _pattern
        .Replace(TemplateSlots.Unit, UnitName, StringComparison.Ordinal)
        .Replace(TemplateSlots.Code, Code, StringComparison.Ordinal)
        .Replace(TemplateSlots.Reason, Reason, StringComparison.Ordinal)
        .Replace(TemplateSlots.Link, LookupBase + Code, StringComparison.Ordinal);

    /// <summary>The catalogue's rendering: GSM-7, one segment.</summary>
    [Benchmark]
    public RenderedMessage Render() => _catalogue.Render(NotificationEvent.CaseRefused, _facts);

    /// <summary>Rendering, then counting the segments (encoding, septets, segments) as the dispatcher records them.</summary>
    [Benchmark]
    public SmsSegmentCount RenderAndCount() => SmsSegments.Count(_catalogue.Render(NotificationEvent.CaseRefused, _facts).Text);
}
