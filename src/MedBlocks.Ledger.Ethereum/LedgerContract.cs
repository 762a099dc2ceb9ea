using System.Reflection;
using System.Text;
using MedBlocks.Core.Ledger;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>
/// The <c>MedBlocksLedger</c> contract as compiled into <c>contracts/build/</c> (embedded in this assembly): one
/// function and one event per entry kind, each carrying <c>(bytes32 party, bytes32 entryHash, bytes entry)</c> with
/// <c>party</c> and <c>entryHash</c> indexed as topics 1 and 2.
/// </summary>
/// <remarks>
/// <c>party</c> is keccak256 of the UTF-8 base58 address the entry concerns: the patient of a medblock, revoke-card or
/// emergency-access entry; the author of a grant or refuse (only the MedBlock's patient may write those); the declared
/// address of an identity. A node filters one patient's events with <c>eth_getLogs</c> on topic 1 =
/// <see cref="PartyTopic"/>; readers refuse an event whose topics do not match its entry, so such a filter misses
/// none of the patient's accepted entries.
/// </remarks>
internal sealed class LedgerContract
{
    private static readonly (string Kind, string Function, string Event)[] Kinds =
    [
        (LedgerEntryKinds.Identity, "declareIdentity", "IdentityDeclared"),
        (LedgerEntryKinds.MedBlock, "addMedBlock", "MedBlockAdded"),
        (LedgerEntryKinds.Grant, "grantKey", "KeyGranted"),
        (LedgerEntryKinds.Refuse, "refuseMedBlock", "MedBlockRefused"),
        (LedgerEntryKinds.RevokeCard, "revokeCard", "CardRevoked"),
        (LedgerEntryKinds.EmergencyAccess, "recordEmergencyAccess", "EmergencyAccessed"),
    ];

    private static readonly Lazy<LedgerContract> Compiled = new(() => new LedgerContract(ReadResource("MedBlocksLedger.abi.json"), ReadResource("MedBlocksLedger.bin").Trim()));

    private readonly Dictionary<string, FunctionABI> functionsByKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Kind, EventABI Event)> eventsByTopic = new(StringComparer.OrdinalIgnoreCase);
    private readonly FunctionCallEncoder encoder = new();

    private LedgerContract(string abi, string bytecode)
    {
        Abi = abi;
        Bytecode = bytecode;
        var contract = new ABIJsonDeserialiser().DeserialiseContract(abi);
        foreach (var (kind, function, eventName) in Kinds)
        {
            functionsByKind[kind] = contract.Functions.Single(f => f.Name == function);
            var eventAbi = contract.Events.Single(e => e.Name == eventName);
            eventsByTopic["0x" + eventAbi.Sha3Signature] = (kind, eventAbi);
        }

        EventTopics = [.. eventsByTopic.Keys];
    }

    /// <summary>The contract as this build of the station knows it.</summary>
    public static LedgerContract Instance => Compiled.Value;

    /// <summary>The ABI JSON as committed.</summary>
    public string Abi { get; }

    /// <summary>The creation bytecode (hex, no 0x) as committed.</summary>
    public string Bytecode { get; }

    /// <summary>Topic 0 of the six events, for the log filter.</summary>
    public IReadOnlyList<string> EventTopics { get; }

    /// <summary>keccak256 of the address's UTF-8 text, as topic 1.</summary>
    public static byte[] PartyTopic(string address) => Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(address));

    /// <summary>The address an entry's <c>party</c> topic names (see the remarks on <see cref="LedgerContract"/>).</summary>
    /// <exception cref="LedgerFormatException">The body is malformed.</exception>
    public static string PartyOf(LedgerEntry entry) => LedgerBody.Parse(entry) switch
    {
        IdentityDeclaration identity => identity.Address,
        MedBlockDeclaration medBlock => medBlock.Patient,
        CardRevocation revocation => revocation.Patient,
        EmergencyAccess access => access.Patient,
        _ => entry.Author,
    };

    /// <summary>The call data appending <paramref name="entry"/>.</summary>
    public string EncodeAppend(LedgerEntry entry) =>
        EncodeAppend(entry.Kind, PartyTopic(PartyOf(entry)), Convert.FromHexString(entry.Hash), entry.CanonicalBytes.ToArray());

    /// <summary>The call data of the <paramref name="kind"/> function with these arguments, whatever they hold.</summary>
    public string EncodeAppend(string kind, byte[] party, byte[] entryHash, byte[] entry)
    {
        var function = functionsByKind[kind];
        return encoder.EncodeRequest(function.Sha3Signature, function.InputParameters, party, entryHash, entry);
    }

    /// <summary>Decodes one of the contract's logs; null for a log that is not one of its six events.</summary>
    public ChainEvent? Decode(FilterLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Topics is not { Length: 3 } topics || topics[0]?.ToString() is not { } topic0 || !eventsByTopic.TryGetValue(topic0, out var known))
        {
            return null;
        }

        byte[]? entry;
        try
        {
            var decoded = known.Event.DecodeEventDefaultTopics(log);
            entry = decoded.Event.Single(p => p.Parameter.Name == "entry").Result as byte[];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Data that does not decode as the event's parameters: kept as an event without an entry, and refused.
            entry = null;
        }

        return new ChainEvent(
            (long)log.BlockNumber.Value,
            log.BlockHash,
            log.TransactionHash,
            (long)log.LogIndex.Value,
            known.Kind,
            topics[1]?.ToString()?.HexToByteArray() ?? [],
            topics[2]?.ToString()?.HexToByteArray() ?? [],
            entry);
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The compiled contract resource {name} is missing from this build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
