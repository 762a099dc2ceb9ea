using System.Text;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Records;
using MedBlocks.Core.Sharing;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Clinicians;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Kiosk.Emergency;

/// <summary>
/// Reads a patient's emergency-tagged MedBlocks with the signed-in member of staff's own key. Every
/// read is on the ledger before anything is decrypted: a paramedic's (ledger role emergency) through
/// <see cref="MedBlockService.ReadRecordAsync"/>, a practitioner's by an <c>emergency-access</c> entry
/// appended here first. Records the patient refused are not read; a record that does not verify is
/// reported, never shown.
/// </summary>
public sealed partial class EmergencyRecordReader(
    ILedger ledger,
    MedBlockService medBlocks,
    ClinicianDirectory clinicians,
    TimeProvider time,
    ILogger<EmergencyRecordReader> logger)
{
    /// <summary>The public reason written into each <c>emergency-access</c> entry (no clinical detail).</summary>
    public const string AuditReason = "emergency care at a paramedic station";

    /// <summary>Text records larger than this are verified but not displayed on the station (nor held in memory).</summary>
    public const int MaxDisplayedBytes = 256 * 1024;

    private const int MaxTitleLength = 80;

    /// <exception cref="StaffSessionEndedException">The member of staff was signed out meanwhile.</exception>
    public async Task<EmergencyRecordList> ReadAsync(StaffSession staff, string patient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(patient);
        var reader = NameMask.Mask(staff.DisplayName);
        IReadOnlyList<MedBlockView> blocks;
        try
        {
            blocks = await ledger.GetPatientMedBlocksAsync(patient, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.LedgerUnavailable(logger, e.GetType().Name);
            return new EmergencyRecordList(false, [], 0, 0, reader, staff.Role, time.GetUtcNow());
        }

        var emergency = blocks.Where(b => b.Emergency).ToList();
        var records = new List<EmergencyRecord>();
        var audits = 0;
        foreach (var block in emergency.Where(b => !b.Refused))
        {
            var (record, audited) = await ReadOneAsync(staff, block, cancellationToken);
            records.Add(record);
            audits += audited;
        }

        Log.RecordsRead(logger, staff.Role, records.Count, audits);
        return new EmergencyRecordList(true, records, emergency.Count(b => b.Refused), audits, reader, staff.Role, time.GetUtcNow());
    }

    private async Task<(EmergencyRecord Record, int Audits)> ReadOneAsync(StaffSession staff, MedBlockView block, CancellationToken cancellationToken)
    {
        var author = clinicians.Find(block.Author)?.Name ?? ShortAddress(block.Author);
        EmergencyRecord Listed(EmergencyRecordState state, string? title = null, string? text = null) =>
            new(block.Hash, author, block.Time, block.ContentType, state, title, text);

        if (!block.Keys.ContainsKey(staff.Address))
        {
            return (Listed(EmergencyRecordState.NoKey), 0);
        }

        var audits = 0;
        using var buffer = new DisplayedPlaintext(MaxDisplayedBytes);
        try
        {
            if (staff.Role != CardHolderRole.Paramedic)
            {
                // The workflow audits emergency services' reads itself; an ER practitioner's read is recorded here, first.
                await ledger.AppendAsync(staff, new EmergencyAccess(block.Hash, block.Patient, AuditReason), cancellationToken);
                audits++;
            }

            var result = await staff.UseKeysAsync(p => medBlocks.ReadRecordAsync(p, block.Hash, buffer, AuditReason, cancellationToken));
            audits += result.EmergencyAccessEntry is null ? 0 : 1;
            if (!IsPlainText(block.ContentType) || buffer.Overflowed)
            {
                return (Listed(EmergencyRecordState.NotDisplayable), audits);
            }

            var text = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(buffer.Kept);
            return (Listed(EmergencyRecordState.Shown, TitleOf(text), text), audits);
        }
        catch (Exception e) when (e is RecordTamperedException or RecordIntegrityException)
        {
            Log.RecordTampered(logger, block.Hash);
            return (Listed(EmergencyRecordState.Tampered), audits + AuditedByWorkflow(staff));
        }
        catch (MedBlockAccessDeniedException)
        {
            return (Listed(EmergencyRecordState.NoKey), audits);
        }
        catch (StaffSessionEndedException)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.RecordUnavailable(logger, block.Hash, e.GetType().Name);
            return (Listed(EmergencyRecordState.Unavailable), audits + (e is RecordStoreException ? AuditedByWorkflow(staff) : 0));
        }
    }

    /// <summary>The workflow audits a paramedic's read before it asks the store, so a read that failed there was audited.</summary>
    private static int AuditedByWorkflow(StaffSession staff) => staff.Role == CardHolderRole.Paramedic ? 1 : 0;

    private static bool IsPlainText(string contentType) =>
        contentType.Split(';', 2)[0].Trim().Equals("text/plain", StringComparison.OrdinalIgnoreCase);

    private static string? TitleOf(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return line is null ? null : line.Length <= MaxTitleLength ? line : line[..(MaxTitleLength - 1)] + "…";
    }

    private static string ShortAddress(string address) => address.Length <= 10 ? address : address[..8] + "…";

    private static partial class Log
    {
        [LoggerMessage(600, LogLevel.Warning, "Emergency records: the ledger could not be asked ({Reason}); the card's summary stays the only source")]
        public static partial void LedgerUnavailable(ILogger logger, string reason);

        [LoggerMessage(601, LogLevel.Information, "Emergency records read by a {Role}: {Count} listed, {Audits} emergency-access entries")]
        public static partial void RecordsRead(ILogger logger, CardHolderRole role, int count, int audits);

        [LoggerMessage(602, LogLevel.Error, "Emergency record of MedBlock {MedBlock} did not verify and is not shown")]
        public static partial void RecordTampered(ILogger logger, string medBlock);

        [LoggerMessage(603, LogLevel.Warning, "Emergency record of MedBlock {MedBlock} could not be read: {Reason}")]
        public static partial void RecordUnavailable(ILogger logger, string medBlock, string reason);
    }
}
