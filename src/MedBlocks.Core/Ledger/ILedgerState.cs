namespace MedBlocks.Core.Ledger;

/// <summary>The ledger state the rules check an entry against: everything before it.</summary>
public interface ILedgerState
{
    DeclaredParticipant? FindParticipant(string address);

    MedBlockState? FindMedBlock(string hash);

    /// <summary>Whether <paramref name="address"/> already holds a wrapped key for the MedBlock.</summary>
    bool HoldsKey(string medBlockHash, string address);
}
