using MedBlocks.SmartCards.Transport;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Replaces the emergency summary of an issued card (enrolment station: K1 writes, K3 reads back).
/// File 03 is a backup file: the new image is written whole and made visible by one
/// CommitTransaction, so a card pulled at any command keeps either the old or the new summary, never a
/// mix. The card info is not touched: its emergency length sizes file 03 and the file's own length
/// prefix gives the summary, so no second file has to change with it. The access log "write" record
/// follows in its own transaction.
/// </summary>
public sealed class CardEmergencyUpdater
{
    private readonly IKeyProvider _keys;
    private readonly StationIdentity _station;
    private readonly TimeProvider _time;

    /// <param name="keys">Must provide the write (K1) and emergency (K3) keys.</param>
    /// <param name="station">The enrolment station, named in the card's access log.</param>
    /// <param name="time">Clock of the access log record.</param>
    public CardEmergencyUpdater(IKeyProvider keys, StationIdentity station, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(time);
        _keys = keys;
        _station = station;
        _time = time;
    }

    /// <summary>Writes <paramref name="signedSummary"/> (<see cref="EmergencySummary.Sign"/>) to the card in the field.</summary>
    /// <exception cref="PatientCardException">
    /// BadSignature or CorruptContent for the new summary (checked before the card is touched); CardTooSmall when it
    /// does not fit file 03 (re-issue with more room); the card's own errors as for a read; VerificationFailed when the
    /// read-back differs.
    /// </exception>
    /// <exception cref="CardRemovedException">The card left the field; it holds the old or the new summary.</exception>
    public async Task<CardEmergencyUpdateResult> UpdateAsync(ICardTransport transport, ReadOnlyMemory<byte> signedSummary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        EmergencySummary.ParseSigned(signedSummary.Span);
        var compressed = EmergencySummaryPayload.Compress(signedSummary.Span);
        using var card = new PatientCardReader(transport, _keys, _station, new PinAttemptLimiter(_time), _time);
        var info = await card.OpenWithKeyAsync(CardKeyRole.Write, PatientCardProfile.WriteKey, cancellationToken).ConfigureAwait(false);
        var fileSize = PatientCardProfile.FileSizeFor(info.EmergencySummaryLength);
        if (PatientCardProfile.FileSizeFor(compressed.Length) > fileSize)
        {
            throw new PatientCardException(
                PatientCardError.CardTooSmall,
                $"The new emergency summary needs {compressed.Length} bytes compressed; this card's emergency file holds {fileSize - PatientCardProfile.LengthPrefixSize}. Re-issue the card with more room, or shorten the summary.");
        }

        var image = PatientCardProfile.ToFileImage(compressed, fileSize);
        var session = card.Session;
        await session.WriteDataAsync(PatientCardProfile.EmergencySummaryFile, 0, image, PatientCardProfile.EmergencySummaryCommMode, cancellationToken).ConfigureAwait(false);
        await session.CommitTransactionAsync(cancellationToken).ConfigureAwait(false);

        await card.SwitchKeyAsync(CardKeyRole.Emergency, PatientCardProfile.EmergencyKey, cancellationToken).ConfigureAwait(false);
        var stored = await session.ReadDataAsync(PatientCardProfile.EmergencySummaryFile, 0, fileSize, PatientCardProfile.EmergencySummaryCommMode, cancellationToken).ConfigureAwait(false);
        if (!stored.AsSpan().SequenceEqual(image))
        {
            throw new PatientCardException(PatientCardError.VerificationFailed, "The emergency summary reads back different from what was written.");
        }

        await card.RecordActionAsync(AccessLogAction.Write, cancellationToken).ConfigureAwait(false);
        return new CardEmergencyUpdateResult(info, compressed.Length, fileSize);
    }
}
