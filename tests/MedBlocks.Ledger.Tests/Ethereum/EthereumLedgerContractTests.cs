namespace MedBlocks.Ledger.Tests.Ethereum;

/// <summary>The ledger behaviour suite, unchanged, against the Ethereum ledger on a real anvil node.</summary>
[Collection(AnvilTests.Name)]
public sealed class EthereumLedgerContractTests(AnvilNode node) : LedgerContractTests(new EthereumStation(node));
