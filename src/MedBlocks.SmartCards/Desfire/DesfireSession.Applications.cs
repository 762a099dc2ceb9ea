using MedBlocks.SmartCards.Desfire.Crypto;

namespace MedBlocks.SmartCards.Desfire;

public sealed partial class DesfireSession
{
    /// <summary>SelectApplication (5A). Always ends the authenticated session.</summary>
    public async Task SelectApplicationAsync(DesfireAid aid, CancellationToken cancellationToken = default)
    {
        EndSession();
        await ExecuteAsync(DesfireCommand.SelectApplication, aid.ToWire(), default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);
        SelectedApplication = aid;
    }

    /// <summary>GetApplicationIDs (6A); the answer chains past 19 applications.</summary>
    public async Task<IReadOnlyList<DesfireAid>> GetApplicationIdsAsync(CancellationToken cancellationToken = default)
    {
        var data = await ExecuteAsync(DesfireCommand.GetApplicationIds, default, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);
        if (data.Length % DesfireAid.Size != 0)
        {
            throw new DesfireProtocolException($"GetApplicationIDs returned {data.Length} bytes, not a multiple of 3.");
        }

        var aids = new DesfireAid[data.Length / DesfireAid.Size];
        for (var i = 0; i < aids.Length; i++)
        {
            aids[i] = DesfireAid.FromWire(data.AsSpan(i * DesfireAid.Size));
        }

        return aids;
    }

    /// <summary>
    /// CreateApplication (CA): <c>AID KeySettings NumKeys</c>, NumKeys = count | 40 (3K3DES) | 80 (AES).
    /// </summary>
    public async Task CreateApplicationAsync(DesfireAid aid, byte keySettings, int keyCount, DesfireKeyType keyType, CancellationToken cancellationToken = default)
    {
        if (aid.IsPicc)
        {
            throw new ArgumentException("AID 000000 is the card level, not an application.", nameof(aid));
        }

        if (keyCount is < 1 or > 14)
        {
            throw new ArgumentOutOfRangeException(nameof(keyCount), keyCount, "An application has 1..14 keys.");
        }

        var typeBits = keyType switch
        {
            DesfireKeyType.Aes => 0x80,
            DesfireKeyType.ThreeKey3Des => 0x40,
            _ => 0x00,
        };
        byte[] header = [.. aid.ToWire(), keySettings, (byte)(keyCount | typeBits)];
        await ExecuteAsync(DesfireCommand.CreateApplication, header, default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);
    }

    /// <summary>DeleteApplication (DA).</summary>
    public async Task DeleteApplicationAsync(DesfireAid aid, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(DesfireCommand.DeleteApplication, aid.ToWire(), default, DesfireCommMode.Plain, ResponseProtection.Maced, cancellationToken);
        if (aid == SelectedApplication)
        {
            // The card falls back to the PICC level and drops the application's authentication.
            EndSession();
            SelectedApplication = DesfireAid.Picc;
        }
    }
}
