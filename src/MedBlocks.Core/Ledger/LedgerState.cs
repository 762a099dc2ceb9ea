namespace MedBlocks.Core.Ledger;

/// <summary>
/// In-memory rule state rebuilt while replaying a chain (verification, tests). Holds per-participant
/// and per-MedBlock facts only, never entry bodies.
/// </summary>
public sealed class LedgerState : ILedgerState
{
    private readonly Dictionary<string, DeclaredParticipant> participants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MedBlockFacts> medBlocks = new(StringComparer.Ordinal);

    public LedgerHead Head { get; private set; } = LedgerHead.Empty;

    public int ParticipantCount => participants.Count;

    public int MedBlockCount => medBlocks.Count;

    public DeclaredParticipant? FindParticipant(string address) =>
        participants.GetValueOrDefault(address);

    public MedBlockState? FindMedBlock(string hash) =>
        medBlocks.TryGetValue(hash, out var facts) ? new MedBlockState(hash, facts.Patient, facts.Emergency, facts.Refused) : null;

    public bool HoldsKey(string medBlockHash, string address) =>
        medBlocks.TryGetValue(medBlockHash, out var facts) && facts.KeyHolders.Contains(address);

    /// <summary>Checks <paramref name="entry"/> against the rules and, if it passes, applies it.</summary>
    /// <exception cref="LedgerRuleViolation">The entry breaks a rule.</exception>
    public ILedgerBody Append(LedgerEntry entry, bool verifySignature = true)
    {
        var body = LedgerRules.Check(entry, Head, this, verifySignature);
        Apply(entry, body);
        return body;
    }

    /// <summary>Applies an entry already checked against this state.</summary>
    public void Apply(LedgerEntry entry, ILedgerBody body)
    {
        ArgumentNullException.ThrowIfNull(entry);
        switch (body)
        {
            case IdentityDeclaration identity:
                participants[identity.Address] = new DeclaredParticipant(
                    identity.Address, identity.Role, identity.EncryptionKey, identity.EncryptionKeyFingerprint, identity.Label, Head.Position + 1, entry.Time);
                break;
            case MedBlockDeclaration medBlock:
                medBlocks[entry.Hash] = new MedBlockFacts(medBlock.Patient, medBlock.Emergency, new HashSet<string>(medBlock.Keys.Keys, StringComparer.Ordinal));
                break;
            case KeyGrant grant:
                medBlocks[grant.MedBlock].KeyHolders.Add(grant.Grantee);
                break;
            case Refusal refusal:
                medBlocks[refusal.MedBlock].Refused = true;
                break;
        }

        Head = new LedgerHead(Head.Position + 1, entry.Hash, entry.Time);
    }

    private sealed class MedBlockFacts(string patient, bool emergency, HashSet<string> keyHolders)
    {
        public string Patient { get; } = patient;

        public bool Emergency { get; } = emergency;

        public HashSet<string> KeyHolders { get; } = keyHolders;

        public bool Refused { get; set; }
    }
}
