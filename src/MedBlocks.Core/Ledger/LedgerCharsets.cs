using System.Buffers;

namespace MedBlocks.Core.Ledger;

/// <summary>Character sets that ledger fields are restricted to.</summary>
internal static class LedgerCharsets
{
    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    public static readonly SearchValues<char> LettersAndDigits =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    public static readonly SearchValues<char> CardSerial =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    public static readonly SearchValues<char> Base64 =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    public static readonly SearchValues<char> Base64Url =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
