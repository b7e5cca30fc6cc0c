namespace Petitions.Core.Ports;

/// <summary>
/// The letter as filed: what the citizen wrote and who they are. Immutable after intake. The citizen's and
/// co-signers' name, phone and address are held sealed (field-level encrypted, <see cref="ICitizenDataProtector"/>);
/// only <see cref="PhoneHash"/>, a keyed hash, may serve as a lookup key.
/// </summary>
/// <param name="FiledUnitId">The unit the citizen filed with.</param>
/// <param name="Title">The subject.</param>
/// <param name="Content">The letter's text.</param>
/// <param name="Citizen">The sealed identity of the citizen.</param>
/// <param name="Concerning">The decision, act or official concerned, when stated.</param>
/// <param name="Channel">web, zalo, counter or api.</param>
/// <param name="ZaloRef">The Zalo conversation reference, when filed through Zalo.</param>
/// <param name="CoSigners">Sealed identities of co-signers.</param>
/// <param name="Instance">1 (first complaint) or 2 (second-instance complaint); 1 otherwise.</param>
/// <param name="PhoneHash">HMAC-SHA256 of the citizen's E.164 phone with the phone-hash key (hex).</param>
/// <param name="ReceivedAt">When the letter was received.</param>
/// <param name="AcknowledgeBy">The reception clock's due date at filing (the 201 answer's acknowledgeBy).</param>
public sealed record CaseLetter(
    string FiledUnitId,
    string Title,
    string Content,
    SealedPerson Citizen,
    Concerning? Concerning,
    string Channel,
    string? ZaloRef,
    IReadOnlyList<SealedPerson> CoSigners,
    int Instance,
    string PhoneHash,
    DateTimeOffset ReceivedAt,
    DateOnly AcknowledgeBy);

/// <summary>A person's identity, each field sealed (ciphertext); <see cref="Address"/> may be null.</summary>
public sealed record SealedPerson(string Name, string Phone, string? Address);

/// <summary>A person's identity in clear, only in memory and only for those allowed to see it.</summary>
public sealed record PersonInClear(string Name, string Phone, string? Address);

/// <summary>What the letter is about.</summary>
/// <param name="UnitId">The unit whose decision, act or official is concerned.</param>
/// <param name="Official">The official concerned (by title or name, as the citizen wrote it).</param>
/// <param name="OfficialRole">"head" when the official is the unit's head, "staff" otherwise.</param>
/// <param name="DecisionNumber">The decision complained about.</param>
/// <param name="DecisionDate">Its date.</param>
public sealed record Concerning(string? UnitId, string? Official, string? OfficialRole, string? DecisionNumber, DateOnly? DecisionDate);
