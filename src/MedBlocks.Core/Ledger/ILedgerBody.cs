using System.Text.Json.Nodes;

namespace MedBlocks.Core.Ledger;

/// <summary>A typed entry body: knows its <c>kind</c> and how to write itself as JSON.</summary>
public interface ILedgerBody
{
    /// <summary>One of <see cref="LedgerEntryKinds"/>.</summary>
    string Kind { get; }

    /// <summary>The body's JSON; canonicalised and re-parsed strictly before it is signed.</summary>
    JsonObject ToJson();
}
