namespace Petitions.Core.Ports;

/// <summary>
/// Field-level protection of citizens' identities: authenticated encryption bound to a context (the case and
/// field), and keyed hashes for lookups. Implementations never log their inputs.
/// </summary>
public interface ICitizenDataProtector
{
    /// <summary>Seals a value; <paramref name="context"/> (e.g. "HS-7K2Q-9MXT/citizen.name") must be given again to open it.</summary>
    string Seal(string plaintext, string context);

    /// <summary>Opens a sealed value; throws when it was tampered with or sealed for another context.</summary>
    string Open(string sealedValue, string context);

    /// <summary>The keyed hash (hex) of a normalised E.164 phone number.</summary>
    string PhoneHash(string e164);

    /// <summary>A keyed hash (hex) of any value in a named purpose (client addresses, idempotency keys).</summary>
    string KeyedHash(string purpose, string value);
}
