using System.Security.Cryptography;
using MedBlocks.Core.Legacy;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Records;

namespace MedBlocks.Core.Sharing;

/// <summary>
/// The MedBlocks workflow over a ledger and a record store: add an encrypted record for a patient,
/// grant and refuse as the patient, and read with one's own wrapped key. Emergency reads are
/// written to the ledger before the record is decrypted, so no read goes unaudited.
/// </summary>
public sealed class MedBlockService
{
    private const int MaxAppendAttempts = 16;

    private readonly ILedger ledger;
    private readonly IRecordStore store;
    private readonly EmergencyServiceKeys emergencyKeys;
    private readonly LedgerEntryFactory entries;

    public MedBlockService(ILedger ledger, IRecordStore store, EmergencyServiceKeys emergencyKeys, TimeProvider timeProvider)
    {
        this.ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.emergencyKeys = emergencyKeys ?? throw new ArgumentNullException(nameof(emergencyKeys));
        entries = new LedgerEntryFactory(timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)));
    }

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> for <paramref name="patient"/>, stores the ciphertext and
    /// appends a signed MedBlock whose key map holds the patient, the author, and (when
    /// <paramref name="emergency"/>) every pinned emergency service.
    /// </summary>
    public async Task<MedBlockView> AddRecordAsync(
        Participant author,
        string patient,
        Stream plaintext,
        string contentType,
        bool emergency,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(plaintext);
        if (author.IsLegacy)
        {
            throw new MedBlockAccessDeniedException("A legacy participant can read old records but cannot write new ones; move it to a new key first.");
        }

        var authorDeclaration = await RequireDeclaredAsync(author.Address, "You are", cancellationToken);
        var patientDeclaration = await RequireDeclaredAsync(patient, "The patient is", cancellationToken);
        if (patientDeclaration.Role != ParticipantRole.Patient)
        {
            throw new MedBlockSharingException($"{patient} is declared as {patientDeclaration.Role.ToName()}, not as a patient.");
        }

        var recipients = new Dictionary<string, DeclaredParticipant>(StringComparer.Ordinal) { [patient] = patientDeclaration };
        if (!string.Equals(author.Address, patient, StringComparison.Ordinal))
        {
            recipients[author.Address] = authorDeclaration;
        }

        if (emergency)
        {
            if (emergencyKeys.Addresses.Count == 0)
            {
                throw new MedBlockSharingException("No emergency service key is pinned in the configuration; an emergency record would be unreadable in an emergency.");
            }

            foreach (var address in emergencyKeys.Addresses)
            {
                var service = await RequireDeclaredAsync(address, "The pinned emergency service is", cancellationToken);
                if (service.Role != ParticipantRole.Emergency)
                {
                    throw new MedBlockSharingException($"The pinned emergency key {address} is declared as {service.Role.ToName()}, not as an emergency service.");
                }

                recipients[address] = service;
            }
        }

        await using var ciphertext = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using var key = RecordKey.Generate();
        var encryption = await RecordEnvelope.EncryptAsync(plaintext, ciphertext, key, patient, contentType, cancellationToken);
        ciphertext.Position = 0;
        var cid = await store.AddAsync(ciphertext, cancellationToken);

        var wrappedKeys = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (address, declaration) in recipients)
        {
            wrappedKeys[address] = Convert.ToBase64String(RecordKeyWrap.Wrap(key, Convert.FromBase64String(declaration.EncryptionKey)));
        }

        var ciphertextHash = encryption.CiphertextSha256.ToArray();
        for (var attempt = 1; ; attempt++)
        {
            var head = await ledger.GetHeadAsync(cancellationToken);
            var time = entries.NextTime(head);
            var recordSignature = RecordSignature.Sign(author, ciphertextHash, patient, contentType, time);
            var body = new MedBlockDeclaration(
                cid, patient, contentType, emergency, wrappedKeys, Convert.ToHexStringLower(ciphertextHash), Convert.ToBase64String(recordSignature));
            var entry = LedgerEntryFactory.Create(author, head.Hash, time, body);
            try
            {
                var stored = await ledger.AppendAsync(entry, cancellationToken);
                return await ledger.GetMedBlockAsync(stored.Hash, cancellationToken)
                    ?? throw new MedBlockSharingException($"The ledger accepted MedBlock {stored.Hash} but does not list it.");
            }
            catch (LedgerHeadMovedException) when (attempt < MaxAppendAttempts)
            {
                // Another writer appended first; sign again on the new head.
            }
        }
    }

    /// <summary>As the patient, wraps a MedBlock's key for <paramref name="grantee"/> and appends a grant.</summary>
    /// <returns>The grant entry, or null when the grantee already holds a key.</returns>
    public async Task<LedgerEntry?> GrantAsync(Participant patient, string medBlock, string grantee, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var view = await RequireMedBlockAsync(medBlock, cancellationToken);
        RequirePatient(patient, view, "grant access to");
        if (view.Keys.ContainsKey(grantee))
        {
            return null;
        }

        var granteeDeclaration = await RequireDeclaredAsync(grantee, "The grantee is", cancellationToken);
        using var key = UnwrapFor(patient, view);
        var wrapped = RecordKeyWrap.Wrap(key, Convert.FromBase64String(granteeDeclaration.EncryptionKey));
        return await ledger.AppendAsync(patient, new KeyGrant(view.Hash, grantee, Convert.ToBase64String(wrapped)), cancellationToken);
    }

    /// <summary>As the patient, marks a MedBlock refused (<c>approved: false</c>); history stays.</summary>
    /// <returns>The refusal entry, or null when it was already refused.</returns>
    public async Task<LedgerEntry?> RefuseAsync(Participant patient, string medBlock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var view = await RequireMedBlockAsync(medBlock, cancellationToken);
        RequirePatient(patient, view, "refuse");
        if (view.Refused)
        {
            return null;
        }

        return await ledger.AppendAsync(patient, new Refusal(view.Hash), cancellationToken);
    }

    /// <summary>
    /// Decrypts a record with the reader's own wrapped key and writes the plaintext to
    /// <paramref name="output"/>. The author's signature and the ciphertext hash are checked; on any
    /// failure the caller must discard what was written. An emergency service's read appends an
    /// <c>emergency-access</c> entry first.
    /// </summary>
    public async Task<RecordReadResult> ReadRecordAsync(
        Participant reader,
        string medBlock,
        Stream output,
        string? emergencyReason = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        var view = await RequireMedBlockAsync(medBlock, cancellationToken);
        if (!view.Keys.ContainsKey(reader.Address))
        {
            throw new MedBlockAccessDeniedException($"MedBlock {view.Hash} holds no key for {reader.Address}; ask the patient for access.");
        }

        LedgerEntry? audit = null;
        if (reader.Role == ParticipantRole.Emergency && !string.Equals(reader.Address, view.Patient, StringComparison.Ordinal))
        {
            var reason = string.IsNullOrWhiteSpace(emergencyReason) ? "emergency care" : emergencyReason;
            audit = await ledger.AppendAsync(reader, new EmergencyAccess(view.Hash, view.Patient, reason), cancellationToken);
        }

        using var key = UnwrapFor(reader, view);
        if (view.Legacy)
        {
            var length = await ReadLegacyAsync(view, key, output, cancellationToken);
            return new RecordReadResult(view, length, AuthorSignatureValid: false, audit);
        }

        var declaredHash = Convert.FromHexString(view.CiphertextHash);
        if (view.RecordSig is null
            || !RecordSignature.Verify(view.Author, Convert.FromBase64String(view.RecordSig), declaredHash, view.Patient, view.ContentType, view.Time))
        {
            throw new RecordTamperedException($"The author's signature on MedBlock {view.Hash} does not verify.");
        }

        var written = new CountingStream(output);
        using (var sha256 = SHA256.Create())
        {
            await using var stored = await store.OpenReadAsync(view.Cid, cancellationToken);
            await using var hashing = new CryptoStream(stored, sha256, CryptoStreamMode.Read, leaveOpen: true);
            try
            {
                await RecordEnvelope.DecryptAsync(hashing, written, key, view.Patient, view.ContentType, cancellationToken);
                await DrainAsync(hashing, cancellationToken);
            }
            catch (RecordDecryptionException e)
            {
                throw new RecordTamperedException($"Record {view.Cid} of MedBlock {view.Hash} does not decrypt: {e.Message}", e);
            }

            if (!hashing.HasFlushedFinalBlock)
            {
                await hashing.FlushFinalBlockAsync(cancellationToken);
            }

            if (!CryptographicOperations.FixedTimeEquals(sha256.Hash, declaredHash))
            {
                throw new RecordTamperedException($"Record {view.Cid} does not hash to the value MedBlock {view.Hash} declares.");
            }
        }

        return new RecordReadResult(view, written.Count, AuthorSignatureValid: true, audit);
    }

    private static async Task DrainAsync(Stream stream, CancellationToken cancellationToken)
    {
        // Bytes after the envelope's last segment would escape the hash check otherwise.
        var buffer = new byte[256];
        if (await stream.ReadAsync(buffer, cancellationToken) != 0)
        {
            throw new RecordDecryptionException("Bytes follow the record's final segment.");
        }
    }

    private static RecordKey UnwrapFor(Participant participant, MedBlockView view)
    {
        if (!view.Keys.TryGetValue(participant.Address, out var wrapped))
        {
            throw new MedBlockAccessDeniedException($"MedBlock {view.Hash} holds no key for {participant.Address}.");
        }

        try
        {
            return view.Legacy
                ? LegacyRecord.UnwrapKey(wrapped, participant)
                : RecordKeyWrap.Unwrap(Convert.FromBase64String(wrapped), participant);
        }
        catch (RecordKeyUnwrapException e)
        {
            throw new RecordTamperedException($"The key wrapped for {participant.Address} in MedBlock {view.Hash} does not open with this participant's key.", e);
        }
    }

    private static void RequirePatient(Participant participant, MedBlockView view, string action)
    {
        if (!string.Equals(participant.Address, view.Patient, StringComparison.Ordinal))
        {
            throw new MedBlockAccessDeniedException($"Only the patient of MedBlock {view.Hash} can {action} it.");
        }
    }

    private async Task<long> ReadLegacyAsync(MedBlockView view, RecordKey key, Stream output, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var stored = await store.OpenReadAsync(view.Cid, cancellationToken))
        {
            await stored.CopyToAsync(buffer, cancellationToken);
        }

        var plaintext = LegacyRecord.Decrypt(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), key);
        await output.WriteAsync(plaintext, cancellationToken);
        return plaintext.Length;
    }

    private async Task<MedBlockView> RequireMedBlockAsync(string medBlock, CancellationToken cancellationToken) =>
        await ledger.GetMedBlockAsync(medBlock, cancellationToken)
        ?? throw new MedBlockNotFoundException($"No MedBlock {medBlock} is on the ledger.");

    private async Task<DeclaredParticipant> RequireDeclaredAsync(string address, string who, CancellationToken cancellationToken)
    {
        if (!Ed25519Address.IsValid(address))
        {
            throw new MedBlockSharingException($"{address} is not a MedBlocks address.");
        }

        return await ledger.GetParticipantAsync(address, cancellationToken)
            ?? throw new MedBlockNotFoundException($"{who} not declared on the ledger ({address}); register first.");
    }
}
