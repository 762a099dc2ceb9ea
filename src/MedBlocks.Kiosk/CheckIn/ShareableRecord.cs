namespace MedBlocks.Kiosk.CheckIn;

/// <summary>
/// One of the patient's MedBlocks as the consent step lists it: what kind of document, when, by whom,
/// and who already holds its key. No content: nothing is decrypted at check-in.
/// </summary>
/// <param name="Hash">The MedBlock (hash of its ledger entry).</param>
/// <param name="ContentType">The record's declared media type.</param>
/// <param name="Time">When the MedBlock was written.</param>
/// <param name="AuthorName">The author's name from the site's directory, or null when not listed.</param>
/// <param name="Emergency">Readable by emergency services.</param>
/// <param name="Holders">Ledger addresses holding the record's key (patient, author, earlier grantees).</param>
public sealed record ShareableRecord(string Hash, string ContentType, DateTimeOffset Time, string? AuthorName, bool Emergency, IReadOnlySet<string> Holders);
