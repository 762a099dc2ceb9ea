namespace MedBlocks.Core.Ledger;

/// <summary>What the rules need to know about a MedBlock.</summary>
public sealed record MedBlockState(string Hash, string Patient, bool Emergency, bool Refused);
