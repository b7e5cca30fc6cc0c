using System.Globalization;
using Petitions.Core.LegalClock;

namespace Petitions.Core.UseCases;

/// <summary>
/// The deadline calculator (GET /api/deadlines): the due date of a legal step from its triggering event's date,
/// with the rule, its source and the explanation of every skipped day.
/// </summary>
public static class CalculateDeadline
{
    /// <summary>The question, as it arrives from the query string.</summary>
    /// <param name="Kind">complaint, denunciation or petition.</param>
    /// <param name="Step">accept, resolve, resolve-second (complaint); preliminary, resolve (denunciation); process (petition).</param>
    /// <param name="Start">The triggering event's date, YYYY-MM-DD.</param>
    /// <param name="Complex">A complex case.</param>
    /// <param name="Remote">A remote-area unit.</param>
    /// <param name="Extensions">Extensions granted (denunciation resolution only: 0–2).</param>
    public sealed record Query(string? Kind, string? Step, string? Start, bool Complex = false, bool Remote = false, int Extensions = 0);

    /// <summary>The answer.</summary>
    /// <param name="Due">The last day on which the step is on time.</param>
    /// <param name="Limit">The limit applied, in <paramref name="Unit"/>.</param>
    /// <param name="Unit">"days" (calendar days) or "workingDays".</param>
    /// <param name="Source">The article that sets the limit.</param>
    /// <param name="Explanation">How the due date was reached, one English sentence per line.</param>
    /// <param name="Details">The same explanation, structured (skipped days with reasons).</param>
    public sealed record Result(DateOnly Due, int Limit, string Unit, string Source, IReadOnlyList<string> Explanation, DeadlineExplanation Details);

    /// <summary>A problem with one field of the query, with a stable code and messages in English and Vietnamese.</summary>
    public sealed record ValidationError(string Field, string Code, string Message, string MessageVi);

    /// <summary>Either a result or the validation errors.</summary>
    public sealed record Outcome(Result? Value, IReadOnlyList<ValidationError> Errors)
    {
        /// <summary>True when there is a result.</summary>
        public bool IsValid => Errors.Count == 0;
    }

    /// <summary>Stable error codes.</summary>
    public static class Codes
    {
        /// <summary>A required field is missing.</summary>
        public const string Required = "required";

        /// <summary>The kind is not one the law table knows.</summary>
        public const string UnknownKind = "unknown-kind";

        /// <summary>The step is not one of the kind's steps.</summary>
        public const string UnknownStep = "unknown-step";

        /// <summary>The date is not YYYY-MM-DD.</summary>
        public const string MalformedDate = "malformed-date";

        /// <summary>No rule for the step was in force on that date.</summary>
        public const string NoRuleInForce = "no-rule-in-force";

        /// <summary>The variant (complex, remote, extensions) does not exist for the step.</summary>
        public const string NotApplicable = "not-applicable";

        /// <summary>More extensions than the law allows, or a negative number.</summary>
        public const string OutOfRange = "out-of-range";
    }

    /// <summary>Checks a query against the limits table.</summary>
    public static class Validator
    {
        /// <summary>Every problem with the query; empty when it can be answered.</summary>
        public static IReadOnlyList<ValidationError> Validate(Query query, LegalLimits limits)
        {
            ArgumentNullException.ThrowIfNull(query);
            ArgumentNullException.ThrowIfNull(limits);
            var errors = new List<ValidationError>();
            var kindKnown = false;
            if (string.IsNullOrWhiteSpace(query.Kind))
            {
                errors.Add(new("kind", Codes.Required, "kind is required (complaint, denunciation or petition).", "Thiếu loại đơn (khiếu nại, tố cáo hoặc kiến nghị)."));
            }
            else if (!limits.Kinds.Contains(query.Kind, StringComparer.Ordinal))
            {
                errors.Add(new("kind", Codes.UnknownKind, $"Unknown kind '{query.Kind}'; expected one of: {string.Join(", ", limits.Kinds)}.", $"Loại đơn '{query.Kind}' không hợp lệ."));
            }
            else
            {
                kindKnown = true;
            }

            var stepKnown = false;
            if (string.IsNullOrWhiteSpace(query.Step))
            {
                errors.Add(new("step", Codes.Required, "step is required.", "Thiếu bước xử lý."));
            }
            else if (kindKnown && !limits.StepsOf(query.Kind!).Contains(query.Step, StringComparer.Ordinal))
            {
                errors.Add(new("step", Codes.UnknownStep, $"Unknown step '{query.Step}' for {query.Kind}; expected one of: {string.Join(", ", limits.StepsOf(query.Kind!))}.", $"Bước '{query.Step}' không áp dụng cho loại đơn này."));
            }
            else
            {
                stepKnown = kindKnown;
            }

            DateOnly? start = null;
            if (string.IsNullOrWhiteSpace(query.Start))
            {
                errors.Add(new("start", Codes.Required, "start (the triggering event's date, YYYY-MM-DD) is required.", "Thiếu ngày bắt đầu (YYYY-MM-DD)."));
            }
            else if (DateOnly.TryParseExact(query.Start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                start = parsed;
            }
            else
            {
                errors.Add(new("start", Codes.MalformedDate, $"'{query.Start}' is not a date in the form YYYY-MM-DD.", $"'{query.Start}' không phải ngày hợp lệ (YYYY-MM-DD)."));
            }

            if (!stepKnown || start is null)
            {
                return errors;
            }

            var rule = limits.Find(query.Kind!, query.Step!, start.Value);
            if (rule is null)
            {
                errors.Add(new("start", Codes.NoRuleInForce, $"No rule for {query.Kind}/{query.Step} was in force on {start:yyyy-MM-dd}.", $"Không có quy định cho bước này có hiệu lực vào ngày {start:dd/MM/yyyy}."));
                return errors;
            }

            if (query.Complex && !rule.HasComplexVariant)
            {
                var hint = rule.Extensions is null ? string.Empty : " Use extensions (1 for a complex case, 2 for an especially complex one).";
                errors.Add(new("complex", Codes.NotApplicable, $"The law gives no complex-case limit for {query.Kind}/{query.Step}.{hint}", "Bước này không có thời hạn riêng cho vụ việc phức tạp."));
            }
            else if (query.Complex && query.Remote && rule.HasRemoteVariant && rule.Variants?.RemoteComplex is null)
            {
                errors.Add(new("complex", Codes.NotApplicable, $"The law gives no limit for a complex case in a remote area for {query.Kind}/{query.Step}.", "Bước này không có thời hạn riêng cho vụ việc phức tạp ở vùng sâu, vùng xa."));
            }

            if (query.Remote && !rule.HasRemoteVariant)
            {
                errors.Add(new("remote", Codes.NotApplicable, $"The law gives no remote-area limit for {query.Kind}/{query.Step}.", "Bước này không có thời hạn riêng cho vùng sâu, vùng xa."));
            }

            if (query.Extensions != 0 && rule.Extensions is null)
            {
                errors.Add(new("extensions", Codes.NotApplicable, $"The law allows no extension for {query.Kind}/{query.Step}.", "Bước này không được gia hạn."));
            }
            else if (rule.Extensions is { } ext && (query.Extensions < 0 || query.Extensions > ext.MaxTimesEspeciallyComplex))
            {
                errors.Add(new("extensions", Codes.OutOfRange, $"extensions must be between 0 and {ext.MaxTimesEspeciallyComplex} ({ext.Source}).", $"Số lần gia hạn phải từ 0 đến {ext.MaxTimesEspeciallyComplex}."));
            }

            return errors;
        }
    }

    /// <summary>Answers the query.</summary>
    public sealed class Handler(DeadlineCalculator calculator)
    {
        private readonly DeadlineCalculator _calculator = calculator ?? throw new ArgumentNullException(nameof(calculator));

        /// <summary>The deadline, or the validation errors.</summary>
        public Outcome Handle(Query query)
        {
            var errors = Validator.Validate(query, _calculator.Limits);
            if (errors.Count > 0)
            {
                return new Outcome(null, errors);
            }

            var start = DateOnly.ParseExact(query.Start!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var deadline = _calculator.Compute(new DeadlineRequest(query.Kind!, query.Step!, start, query.Complex, query.Remote, query.Extensions));
            var unit = deadline.Unit == ClockUnit.CalendarDays ? "days" : "workingDays";
            var result = new Result(deadline.Due, deadline.Limit, unit, deadline.Source, deadline.Explanation.ToLines(), deadline.Explanation);
            return new Outcome(result, []);
        }
    }
}
