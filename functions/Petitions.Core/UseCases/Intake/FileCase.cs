using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Petitions.Core.Attachments;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Intake;

/// <summary>
/// POST /api/cases: a citizen files a letter. Validates it, seals the citizen's identity, guards against floods and
/// retries (Idempotency-Key), stores the case (received, with its reception clock) and leaves routing to the queue.
/// </summary>
public static partial class FileCase
{
    /// <summary>Longest title.</summary>
    public const int MaxTitle = 200;

    /// <summary>Longest letter text.</summary>
    public const int MaxContent = 10_000;

    /// <summary>Longest name.</summary>
    public const int MaxName = 100;

    /// <summary>Longest address.</summary>
    public const int MaxAddress = 300;

    /// <summary>Longest short field (official, decision number, Zalo reference).</summary>
    public const int MaxShort = 100;

    /// <summary>Most co-signers.</summary>
    public const int MaxCoSigners = 20;

    /// <summary>Longest Idempotency-Key.</summary>
    public const int MaxIdempotencyKey = 100;

    /// <summary>The letter as it arrives (the JSON body of docs/api.md, plus the two headers).</summary>
    /// <param name="Kind">complaint, denunciation or petition.</param>
    /// <param name="UnitId">The unit filed with.</param>
    /// <param name="Title">Subject.</param>
    /// <param name="Content">Text.</param>
    /// <param name="Citizen">Who files.</param>
    /// <param name="Concerning">What it concerns (optional).</param>
    /// <param name="Channel">web, zalo, counter or api (default web).</param>
    /// <param name="ZaloRef">Zalo reference (optional).</param>
    /// <param name="CoSigners">Co-signers (optional).</param>
    /// <param name="Instance">1 or 2 for complaints (default 1).</param>
    /// <param name="IdempotencyKey">The Idempotency-Key header.</param>
    /// <param name="ClientAddress">The client's address (for the flood limit; only its keyed hash is stored).</param>
    public sealed record Command(
        string? Kind,
        string? UnitId,
        string? Title,
        string? Content,
        PersonInput? Citizen,
        ConcerningInput? Concerning = null,
        string? Channel = null,
        string? ZaloRef = null,
        IReadOnlyList<PersonInput>? CoSigners = null,
        int? Instance = null,
        string? IdempotencyKey = null,
        string? ClientAddress = null);

    /// <summary>A person as typed.</summary>
    public sealed record PersonInput(string? Name, string? Phone, string? Address = null);

    /// <summary>What the letter concerns, as typed.</summary>
    public sealed record ConcerningInput(string? UnitId, string? Official, string? OfficialRole, string? DecisionNumber, string? DecisionDate);

    /// <summary>201 body: <c>{ trackingCode, status, receivedAt, receivedOn, acknowledgeBy }</c>.</summary>
    /// <param name="TrackingCode">The case's tracking code.</param>
    /// <param name="Status">received.</param>
    /// <param name="ReceivedAt">When the letter was entered in the system.</param>
    /// <param name="ReceivedOn">The legal date of receipt (the paper receipt's date for a letter entered at the counter).</param>
    /// <param name="AcknowledgeBy">The reception clock's due date.</param>
    public sealed record Result(string TrackingCode, string Status, DateTimeOffset ReceivedAt, DateOnly ReceivedOn, DateOnly AcknowledgeBy)
    {
        /// <summary>True when this answers a retry (same Idempotency-Key): nothing new was filed, and files uploaded with the retry are not used.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public bool Replayed { get; init; }
    }

    /// <summary>
    /// How a letter comes in besides its body: who enters it, the legal date of receipt when it is earlier than today
    /// (a paper letter at the counter), whether the flood limits apply (citizens' own filings), and the files already
    /// stored for it.
    /// </summary>
    /// <param name="Actor">"citizen", or the staff id entering a paper letter.</param>
    /// <param name="ReceivedOn">The receipt date on paper, or null for today.</param>
    /// <param name="FloodLimited">True for citizens' filings (per phone and per client address).</param>
    /// <param name="Attachments">Files stored for the letter (their blobs exist), in order.</param>
    /// <param name="Channel">The channel the intake sets (counter), or null to take the body's.</param>
    public sealed record Intake(string Actor, DateOnly? ReceivedOn, bool FloodLimited, IReadOnlyList<NewAttachment> Attachments, string? Channel = null)
    {
        /// <summary>A citizen's own filing on the web, Zalo or an API.</summary>
        public static Intake Online(IReadOnlyList<NewAttachment>? attachments = null) => new("citizen", null, FloodLimited: true, attachments ?? []);
    }

    /// <summary>A file stored for a letter, with its name in clear (sealed at filing).</summary>
    public sealed record NewAttachment(string Id, string Name, long Size, string ContentType);

    /// <summary>The validated, normalised letter.</summary>
    internal sealed record Valid(
        CaseKind Kind, string UnitId, string Title, string Content, PersonInClear Citizen, Concerning? Concerning,
        string Channel, string? ZaloRef, IReadOnlyList<PersonInClear> CoSigners, int Instance);

    /// <summary>Checks and normalises the letter.</summary>
    public static class Validator
    {
        private static readonly string[] Channels = ["web", "zalo", "counter", "api"];

        /// <summary>Every problem, or the normalised letter.</summary>
        internal static (Valid? Letter, IReadOnlyList<FieldError> Errors) Validate(Command command, OrganisationChart chart, bool atCounter = false)
        {
            ArgumentNullException.ThrowIfNull(command);
            ArgumentNullException.ThrowIfNull(chart);
            var errors = new List<FieldError>();
            CaseKind? kind = command.Kind switch
            {
                "complaint" => command.Instance == 2 ? CaseKind.ComplaintSecondInstance : CaseKind.ComplaintFirstInstance,
                "denunciation" => CaseKind.Denunciation,
                "petition" => CaseKind.Petition,
                _ => null,
            };
            if (string.IsNullOrWhiteSpace(command.Kind))
            {
                errors.Add(new("kind", "kind.required", "Choose the kind of letter: complaint, denunciation or petition.", "Chọn loại đơn: khiếu nại, tố cáo hoặc kiến nghị, phản ánh."));
            }
            else if (kind is null)
            {
                errors.Add(new("kind", "kind.invalid", "The kind must be complaint, denunciation or petition.", "Loại đơn phải là khiếu nại, tố cáo hoặc kiến nghị, phản ánh."));
            }

            if (command.Instance is { } instance && (instance is not (1 or 2) || (instance == 2 && command.Kind != "complaint")))
            {
                errors.Add(new("instance", "instance.invalid", "Instance 2 exists only for complaints (1 or 2).", "Lần giải quyết thứ hai chỉ áp dụng cho đơn khiếu nại (1 hoặc 2)."));
            }

            var unitId = Text(command.UnitId, "unitId", "the unit", "cơ quan nhận đơn", 64, required: true, multiline: false, errors);
            if (unitId is not null && chart.FindUnit(unitId) is not { AcceptsFilings: true })
            {
                errors.Add(new("unitId", "unitId.unknown", "There is no such unit to file with.", "Không có cơ quan nhận đơn này."));
            }

            var title = Text(command.Title, "title", "the title", "tiêu đề", MaxTitle, required: true, multiline: false, errors);
            var content = Text(command.Content, "content", "the letter's content", "nội dung đơn", MaxContent, required: true, multiline: true, errors);
            var citizen = Person(command.Citizen, "citizen", errors);
            var channel = Text(command.Channel, "channel", "the channel", "kênh gửi", 16, required: false, multiline: false, errors) ?? "web";
            if (!Channels.Contains(channel, StringComparer.Ordinal))
            {
                errors.Add(new("channel", "channel.invalid", "The channel must be web, zalo, counter or api.", "Kênh gửi phải là web, zalo, counter hoặc api."));
            }
            else if ((channel == "counter") != atCounter)
            {
                errors.Add(new("channel", "channel.counterStaffOnly", "Only the staff enter letters received at the counter (POST /api/staff/counter/letters).", "Chỉ cán bộ tiếp nhận mới nhập đơn nhận tại quầy."));
            }

            var zaloRef = Text(command.ZaloRef, "zaloRef", "the Zalo reference", "mã Zalo", MaxShort, required: false, multiline: false, errors);
            var concerning = Concerned(command.Concerning, chart, errors);
            var coSigners = new List<PersonInClear>();
            if (command.CoSigners is { } list)
            {
                if (list.Count > MaxCoSigners)
                {
                    errors.Add(new("coSigners", "coSigners.tooMany", $"At most {MaxCoSigners} co-signers.", $"Tối đa {MaxCoSigners} người cùng ký."));
                }

                for (var i = 0; i < list.Count && i < MaxCoSigners; i++)
                {
                    if (Person(list[i], $"coSigners[{i}]", errors) is { } p)
                    {
                        coSigners.Add(p);
                    }
                }
            }

            if (errors.Count > 0 || kind is null || unitId is null || title is null || content is null || citizen is null)
            {
                return (null, errors);
            }

            return (new Valid(kind.Value, unitId, title, content, citizen, concerning, channel, zaloRef, coSigners, command.Instance ?? 1), errors);
        }

        private static PersonInClear? Person(PersonInput? input, string at, List<FieldError> errors)
        {
            if (input is null)
            {
                errors.Add(new(at, "citizen.required", "Say who files the letter (name and phone).", "Cần ghi họ tên và số điện thoại người gửi đơn."));
                return null;
            }

            var name = Text(input.Name, at + ".name", "the name", "họ tên", MaxName, required: true, multiline: false, errors);
            var address = Text(input.Address, at + ".address", "the address", "địa chỉ", MaxAddress, required: false, multiline: false, errors);
            string? phone = null;
            if (string.IsNullOrWhiteSpace(input.Phone))
            {
                errors.Add(new(at + ".phone", "phone.required", "The phone number is required.", "Cần ghi số điện thoại."));
            }
            else if ((phone = VietnamesePhone.Normalise(input.Phone)) is null)
            {
                errors.Add(new(at + ".phone", "phone.invalid", "This is not a Vietnamese phone number (e.g. 0912 345 678).", "Số điện thoại không hợp lệ (ví dụ 0912 345 678)."));
            }

            return name is null || phone is null ? null : new PersonInClear(name, phone, address);
        }

        private static Concerning? Concerned(ConcerningInput? input, OrganisationChart chart, List<FieldError> errors)
        {
            if (input is null)
            {
                return null;
            }

            var unitId = Text(input.UnitId, "concerning.unitId", "the unit concerned", "cơ quan bị khiếu nại, tố cáo", 64, required: false, multiline: false, errors);
            if (unitId is not null && chart.FindUnit(unitId) is null)
            {
                errors.Add(new("concerning.unitId", "unitId.unknown", "There is no such unit.", "Không có cơ quan này."));
            }

            var official = Text(input.Official, "concerning.official", "the official", "người bị khiếu nại, tố cáo", MaxShort, required: false, multiline: false, errors);
            var role = Text(input.OfficialRole, "concerning.officialRole", "the official's role", "chức vụ", 16, required: false, multiline: false, errors);
            if (role is not (null or "head" or "staff"))
            {
                errors.Add(new("concerning.officialRole", "officialRole.invalid", "The official's role must be head or staff.", "Chức vụ phải là người đứng đầu (head) hoặc cán bộ (staff)."));
            }

            var number = Text(input.DecisionNumber, "concerning.decisionNumber", "the decision number", "số quyết định", MaxShort, required: false, multiline: false, errors);
            DateOnly? date = null;
            if (!string.IsNullOrWhiteSpace(input.DecisionDate))
            {
                if (DateOnly.TryParseExact(input.DecisionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    date = d;
                }
                else
                {
                    errors.Add(new("concerning.decisionDate", "decisionDate.invalid", "The decision date must be YYYY-MM-DD.", "Ngày quyết định phải có dạng NNNN-TT-NN."));
                }
            }

            return new Concerning(unitId, official, role, number, date);
        }

        private static string? Text(string? value, string field, string what, string whatVi, int max, bool required, bool multiline, List<FieldError> errors)
        {
            var code = field[(field.LastIndexOf('.') + 1)..];
            code = code.Contains('[', StringComparison.Ordinal) ? code[..code.IndexOf('[', StringComparison.Ordinal)] : code;
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    errors.Add(new(field, code + ".required", $"Fill in {what}.", $"Cần ghi {whatVi}."));
                }

                return null;
            }

            var text = value.Trim().Normalize(NormalizationForm.FormC);
            if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
            {
                errors.Add(new(field, "text.controlCharacters", $"{Capital(what)} contains control characters.", $"{Capital(whatVi)} chứa ký tự điều khiển không hợp lệ."));
                return null;
            }

            if (text.Length > max)
            {
                errors.Add(new(field, code + ".tooLong", $"{Capital(what)} is longer than {max} characters.", $"{Capital(whatVi)} dài quá {max} ký tự."));
                return null;
            }

            return text;
        }

        private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>Files letters.</summary>
    public sealed partial class Handler(
        OrganisationChart chart,
        DeadlineCalculator calculator,
        CaseWriter writer,
        ICaseStore store,
        IIntakeGuards guards,
        ICitizenDataProtector protector,
        CaseHandlingSettings settings,
        TimeProvider time,
        ILogger<Handler> logger)
    {
        /// <summary>The letter's field errors (none when it would be filed), without filing it.</summary>
        public IReadOnlyList<FieldError> ErrorsOf(Command command) => Validator.Validate(command, chart).Errors;

        /// <summary>Files a citizen's letter; a retry with the same Idempotency-Key answers the first result.</summary>
        public Task<UseCaseResult<Result>> HandleAsync(Command command, CancellationToken cancellationToken = default) =>
            FileAsync(command, Intake.Online(), cancellationToken);

        /// <summary>
        /// Files a letter as <paramref name="intake"/> says (online, or at the counter with its receipt date and files);
        /// a retry with the same Idempotency-Key answers the first result (<see cref="Result.Replayed"/>).
        /// </summary>
        public async Task<UseCaseResult<Result>> FileAsync(Command command, Intake intake, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            ArgumentNullException.ThrowIfNull(intake);
            if (intake.Channel is not null)
            {
                command = command with { Channel = intake.Channel };
            }

            var (letter, errors) = Validator.Validate(command, chart, atCounter: intake.Channel == "counter");
            if (intake.Attachments.Count > Case.MaxAttachments)
            {
                errors = [.. errors, AttachmentRules.TooMany("files")];
            }
            var key = command.IdempotencyKey?.Trim();
            if (key is { Length: > MaxIdempotencyKey } || (key is not null && key.Any(char.IsControl)))
            {
                errors = [.. errors, new("Idempotency-Key", "idempotencyKey.invalid", $"The Idempotency-Key must be at most {MaxIdempotencyKey} printable characters.", $"Idempotency-Key tối đa {MaxIdempotencyKey} ký tự in được.")];
            }

            if (letter is null || errors.Count > 0)
            {
                return UseCaseResult.Fail<Result>(UseCaseProblem.Invalid(errors));
            }

            var phoneHash = protector.PhoneHash(letter.Citizen.Phone);
            var caseId = TrackingCode.New();
            var countFlood = true;
            string? keyHash = null;
            if (!string.IsNullOrEmpty(key))
            {
                keyHash = protector.KeyedHash("idempotency", key);
                var fingerprint = protector.KeyedHash("request", JsonSerializer.Serialize(letter, MessageJson.Options));
                var reservation = await guards.ReserveAsync(keyHash, fingerprint, caseId, cancellationToken).ConfigureAwait(false);
                if (!reservation.IsNew && reservation.RequestFingerprint != fingerprint)
                {
                    return UseCaseResult.Fail<Result>(UseCaseProblem.Invalid(
                        [new("Idempotency-Key", "idempotencyKey.reused", "This Idempotency-Key was used for a different letter.", "Idempotency-Key này đã dùng cho một đơn khác.")]));
                }

                caseId = reservation.CaseId;
                countFlood = reservation.IsNew;
                if (!reservation.IsNew && await store.FindAsync(caseId, cancellationToken).ConfigureAwait(false) is { } first)
                {
                    return UseCaseResult.Ok(ResultOf(first.Case, first.Letter) with { Replayed = true });
                }
            }

            var now = time.GetUtcNow();
            if (countFlood && intake.FloodLimited)
            {
                var wait = await Flood(phoneHash, command.ClientAddress, now, cancellationToken).ConfigureAwait(false);
                if (wait is { } retryAfter)
                {
                    if (keyHash is not null)
                    {
                        await guards.ReleaseAsync(keyHash, caseId, cancellationToken).ConfigureAwait(false);
                    }

                    LogFlood(logger, letter.UnitId);
                    return UseCaseResult.Fail<Result>(UseCaseProblem.TooMany(retryAfter));
                }
            }

            for (var attempt = 0; ; attempt++)
            {
                var @case = Case.Receive(caseId, letter.Kind, complex: false, remoteArea: false, intake.Actor, now, calculator, intake.ReceivedOn);
                foreach (var file in intake.Attachments)
                {
                    @case.Attach(new CaseAttachment(file.Id, protector.Seal(file.Name, AttachmentRules.NameContext(caseId, file.Id)), file.Size, file.ContentType, intake.Actor, now), intake.Actor, now);
                }

                var sealedLetter = Seal(caseId, letter, phoneHash, now, @case.Clocks[0].Due);
                // Every citizen hears of the receipt; for a denunciation the dispatcher renders the denunciation-safe
                // template (tracking code and lookup link only, Luật Tố cáo 2018 Arts. 47–48).
                var notify = new[] { Received(caseId, sealedLetter) };
                var outcome = await writer.CommitAsync(
                    @case, sealedLetter, null, [], [new WorkItem(CaseQueues.Intake, CaseWriter.MessageFor(caseId))], notify, cancellationToken).ConfigureAwait(false);
                if (!outcome.Conflicted)
                {
                    LogFiled(logger, caseId, CaseNames.Kind(letter.Kind), letter.UnitId, letter.Channel, intake.Attachments.Count);
                    return UseCaseResult.Ok(ResultOf(@case, sealedLetter));
                }

                if (keyHash is not null && await store.FindAsync(caseId, cancellationToken).ConfigureAwait(false) is { } concurrent)
                {
                    return UseCaseResult.Ok(ResultOf(concurrent.Case, concurrent.Letter) with { Replayed = true });
                }

                if (keyHash is not null || attempt >= 3)
                {
                    throw new InvalidOperationException($"Case {caseId} could not be created.");
                }

                caseId = TrackingCode.New();
            }
        }

        private static Result ResultOf(Case @case, CaseLetter letter) =>
            new(@case.Id, CaseNames.Status(CaseStatus.Received), letter.ReceivedAt, @case.ReceivedOn, letter.AcknowledgeBy);

        private static NotificationRequest Received(string caseId, CaseLetter letter) => new(
            NotificationRequest.IdFor(caseId, "case.received", NotificationAudience.Citizen, null),
            caseId,
            "case.received",
            NotificationAudience.Citizen,
            null,
            new Dictionary<string, string>
            {
                ["trackingCode"] = caseId,
                ["acknowledgeBy"] = letter.AcknowledgeBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });

        private async Task<TimeSpan?> Flood(string phoneHash, string? clientAddress, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var byPhone = await guards.CountAsync("phone-" + phoneHash, settings.LettersPerPhone, settings.RateWindow, now, cancellationToken).ConfigureAwait(false);
            if (byPhone is not null || string.IsNullOrWhiteSpace(clientAddress))
            {
                return byPhone;
            }

            var clientHash = protector.KeyedHash("client", clientAddress.Trim());
            return await guards.CountAsync("client-" + clientHash, settings.LettersPerClient, settings.RateWindow, now, cancellationToken).ConfigureAwait(false);
        }

        private CaseLetter Seal(string caseId, Valid letter, string phoneHash, DateTimeOffset now, DateOnly acknowledgeBy)
        {
            SealedPerson SealPerson(PersonInClear p, string at) => new(
                protector.Seal(p.Name, $"{caseId}/{at}.name"),
                protector.Seal(p.Phone, $"{caseId}/{at}.phone"),
                p.Address is null ? null : protector.Seal(p.Address, $"{caseId}/{at}.address"));

            return new CaseLetter(
                letter.UnitId, letter.Title, letter.Content, SealPerson(letter.Citizen, "citizen"), letter.Concerning, letter.Channel,
                letter.ZaloRef, [.. letter.CoSigners.Select((p, i) => SealPerson(p, $"coSigners[{i}]"))], letter.Instance, phoneHash, now, acknowledgeBy);
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} filed: {Kind} with unit {UnitId} through {Channel}, {Files} file(s)")]
        private static partial void LogFiled(ILogger logger, string caseId, string kind, string unitId, string channel, int files);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Intake flood limit reached for a letter to unit {UnitId}")]
        private static partial void LogFlood(ILogger logger, string unitId);
    }
}
