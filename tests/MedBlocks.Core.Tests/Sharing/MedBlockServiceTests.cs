using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Records;
using MedBlocks.Core.Sharing;
using Moq;

namespace MedBlocks.Core.Tests.Sharing;

/// <summary>
/// The sharing workflow against a scripted ledger and an in-memory store: races on the head,
/// audit-before-read, and substituted ciphertext.
/// </summary>
public sealed class MedBlockServiceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private readonly Participant lab = Participant.Create(ParticipantRole.Lab, 2048);
    private readonly Participant patient = Participant.Create(ParticipantRole.Patient, 2048);
    private readonly Participant ambulance = Participant.Create(ParticipantRole.Emergency, 2048);
    private readonly Mock<ILedger> ledger = new(MockBehavior.Strict);
    private readonly MemoryRecordStore store = new();
    private readonly List<LedgerEntry> appended = [];

    public MedBlockServiceTests()
    {
        foreach (var participant in new[] { lab, patient, ambulance })
        {
            var declared = new DeclaredParticipant(
                participant.Address,
                participant.Role,
                Convert.ToBase64String(participant.EncryptionPublicKey.Span),
                participant.EncryptionKeyFingerprint,
                null,
                1,
                Now);
            ledger.Setup(l => l.GetParticipantAsync(participant.Address, It.IsAny<CancellationToken>())).ReturnsAsync(declared);
        }
    }

    [Fact]
    public async Task AddRecordAsync_HeadMovedDuringAppend_SignsAgainOnTheNewHead()
    {
        var first = new LedgerHead(3, new string('a', 64), Now.AddMinutes(-1));
        var second = new LedgerHead(4, new string('b', 64), Now.AddMinutes(-1));
        ledger.SetupSequence(l => l.GetHeadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(first).ReturnsAsync(second);
        var appends = 0;
        ledger.Setup(l => l.AppendAsync(It.IsAny<LedgerEntry>(), It.IsAny<CancellationToken>()))
            .Returns((LedgerEntry e, CancellationToken _) => ++appends == 1
                ? Task.FromException<LedgerEntry>(new LedgerHeadMovedException(first.Hash, second))
                : Task.FromResult(Record(e)));
        SetupMedBlockLookup();

        var view = await CreateService().AddRecordAsync(lab, patient.Address, Plain("HbA1c 41 mmol/mol"), "text/plain", emergency: true);

        ledger.Verify(l => l.AppendAsync(It.IsAny<LedgerEntry>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        var stored = Assert.Single(appended);
        Assert.Equal(second.Hash, stored.Prev);
        Assert.True(stored.VerifySignature());
        Assert.Equal(new[] { lab.Address, patient.Address, ambulance.Address }.Order(StringComparer.Ordinal), view.Keys.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadRecordAsync_EmergencyAuditRefused_DecryptsNothing()
    {
        var view = await AddAsync("Allergy: penicillin");
        ledger.Setup(l => l.AppendAsync(ambulance, It.IsAny<ILedgerBody>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new LedgerException("ledger unreachable"));
        using var output = new MemoryStream();

        await Assert.ThrowsAsync<LedgerException>(() => CreateService().ReadRecordAsync(ambulance, view.Hash, output));

        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task ReadRecordAsync_Emergency_AppendsAuditNamingPatientThenDecrypts()
    {
        var view = await AddAsync("Allergy: penicillin");
        EmergencyAccess? audited = null;
        ledger.Setup(l => l.AppendAsync(ambulance, It.IsAny<ILedgerBody>(), It.IsAny<CancellationToken>()))
            .Callback((IEntrySigner _, ILedgerBody body, CancellationToken _) => audited = (EmergencyAccess)body)
            .ReturnsAsync((LedgerEntry?)null!);
        using var output = new MemoryStream();

        var result = await CreateService().ReadRecordAsync(ambulance, view.Hash, output, "cardiac arrest");

        Assert.Equal(new EmergencyAccess(view.Hash, patient.Address, "cardiac arrest"), audited);
        Assert.Equal("Allergy: penicillin", System.Text.Encoding.UTF8.GetString(output.ToArray()));
        Assert.True(result.AuthorSignatureValid);
    }

    [Fact]
    public async Task ReadRecordAsync_StoreServesAnotherRecordOfThePatient_IsTampered()
    {
        var genuine = await AddAsync("Potassium 4.1");
        var other = await AddAsync("Potassium 6.9");
        store.Replace(genuine.Cid, other.Cid);
        using var output = new MemoryStream();

        await Assert.ThrowsAsync<RecordTamperedException>(() => CreateService().ReadRecordAsync(patient, genuine.Hash, output));
    }

    [Fact]
    public async Task GrantAsync_ByAuthorNotPatient_IsDenied()
    {
        var view = await AddAsync("note");

        await Assert.ThrowsAsync<MedBlockAccessDeniedException>(() => CreateService().GrantAsync(lab, view.Hash, ambulance.Address));
    }

    public void Dispose()
    {
        lab.Dispose();
        patient.Dispose();
        ambulance.Dispose();
    }

    private static MemoryStream Plain(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));

    private MedBlockService CreateService() =>
        new(ledger.Object, store, new EmergencyServiceKeys([ambulance.Address]), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now));

    private async Task<MedBlockView> AddAsync(string text)
    {
        ledger.Setup(l => l.GetHeadAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => appended.Count == 0 ? LedgerHead.Empty : new LedgerHead(appended.Count, appended[^1].Hash, Now));
        ledger.Setup(l => l.AppendAsync(It.IsAny<LedgerEntry>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((LedgerEntry e, CancellationToken _) => Record(e));
        SetupMedBlockLookup();
        return await CreateService().AddRecordAsync(lab, patient.Address, Plain(text), "text/plain", emergency: true);
    }

    private LedgerEntry Record(LedgerEntry entry)
    {
        var stored = entry with { Position = appended.Count + 1 };
        appended.Add(stored);
        return stored;
    }

    private void SetupMedBlockLookup() =>
        ledger.Setup(l => l.GetMedBlockAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string hash, CancellationToken _) => appended.Where(e => e.Hash == hash).Select(ToView).SingleOrDefault());

    private static MedBlockView ToView(LedgerEntry entry)
    {
        var body = MedBlockDeclaration.Parse(entry.Body);
        return new MedBlockView(
            entry.Hash, entry.Position!.Value, body.Cid, body.Patient, body.ContentType, entry.Author, entry.Time, body.Emergency,
            body.Legacy, body.CiphertextHash, body.RecordSig, body.Keys, Refused: false, RefusedAt: null);
    }

    private sealed class MemoryRecordStore : IRecordStore
    {
        private readonly Dictionary<string, byte[]> records = new(StringComparer.Ordinal);

        public async Task<string> AddAsync(Stream content, CancellationToken cancellationToken = default)
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            var cid = "f" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.ToArray()));
            records[cid] = buffer.ToArray();
            return cid;
        }

        public Task<Stream> OpenReadAsync(string cid, CancellationToken cancellationToken = default) =>
            records.TryGetValue(cid, out var bytes)
                ? Task.FromResult<Stream>(new MemoryStream(bytes, writable: false))
                : throw new RecordNotFoundException(cid);

        public Task<bool> ContainsAsync(string cid, CancellationToken cancellationToken = default) => Task.FromResult(records.ContainsKey(cid));

        public void Replace(string cid, string with) => records[cid] = records[with];
    }
}
