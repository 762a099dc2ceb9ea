using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using HostKey = MedBlocks.SmartCards.Desfire.Crypto.DesfireKey;

namespace MedBlocks.Simulator.Tests.Interop;

/// <summary>3K3DES and 2K3DES applications, PICC-level configuration and format, host against simulator.</summary>
public sealed class DesfireKeyTypeInteropTests
{
    private static readonly DesfireAid TripleDesApplication = new(0x4D4203);

    [Theory]
    [InlineData(DesfireCommMode.Maced)]
    [InlineData(DesfireCommMode.Enciphered)]
    public async Task ThreeKeyApplication_ChangeKeysThenFileRoundTrip_Works(DesfireCommMode mode)
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.SelectApplicationAsync(DesfireAid.Picc);
        using (var picc = InteropCard.PiccKey())
        {
            await card.Session.AuthenticateAsync(0, picc);
        }

        await card.Session.CreateApplicationAsync(TripleDesApplication, 0x0F, 3, DesfireKeyType.ThreeKey3Des);
        await card.Session.SelectApplicationAsync(TripleDesApplication);
        using var zero = new HostKey(DesfireKeyType.ThreeKey3Des, new byte[24]);
        using var master = new HostKey(DesfireKeyType.ThreeKey3Des, Enumerable.Range(1, 24).Select(i => (byte)(i * 9)).ToArray());
        using var reader = new HostKey(DesfireKeyType.ThreeKey3Des, Enumerable.Range(1, 24).Select(i => (byte)(i * 5)).ToArray());
        await card.Session.AuthenticateAsync(0, zero);
        await card.Session.ChangeKeyAsync(1, reader, zero);
        await card.Session.ChangeKeyAsync(0, master);
        await card.Session.AuthenticateAsync(0, master);
        await card.Session.CreateStdDataFileAsync(1, mode, new AccessRights(1, 0, 0, 0), 300);
        var data = InteropCard.Pattern(300, seed: 3);
        await card.Session.WriteDataAsync(1, 0, data, mode);

        await card.Session.AuthenticateAsync(1, reader);
        var read = await card.Session.ReadDataAsync(1, 0, 300, mode);

        Assert.Equal(data, read);
        Assert.Equal(new DesfireKeySettings(0x0F, 3, DesfireKeyType.ThreeKey3Des), await card.Session.GetKeySettingsAsync());
    }

    [Fact]
    public async Task TwoKeyDesApplication_IsoAuthenticationAndEncipheredFile_Works()
    {
        using var card = new InteropCard();
        using (var factory = HostKey.FactoryDefault())
        {
            await card.Session.AuthenticateAsync(0, factory);
        }

        var aid = new DesfireAid(0x4D4204);
        await card.Session.CreateApplicationAsync(aid, 0x0F, 2, DesfireKeyType.TwoKey3Des);
        await card.Session.SelectApplicationAsync(aid);
        using var zero = new HostKey(DesfireKeyType.TwoKey3Des, new byte[16]);
        using var key = new HostKey(DesfireKeyType.TwoKey3Des, Enumerable.Range(1, 16).Select(i => (byte)(i * 17)).ToArray());
        await card.Session.AuthenticateAsync(0, zero);
        await card.Session.ChangeKeyAsync(1, key, zero);
        await card.Session.CreateBackupDataFileAsync(1, DesfireCommMode.Enciphered, new AccessRights(1, 1, 1, 0), 100);
        await card.Session.AuthenticateAsync(1, key);
        var data = InteropCard.Pattern(100, seed: 9);

        await card.Session.WriteDataAsync(1, 0, data, DesfireCommMode.Enciphered);
        await card.Session.CommitTransactionAsync();

        Assert.Equal(data, await card.Session.ReadDataAsync(1, 0, 100, DesfireCommMode.Enciphered));
    }

    [Fact]
    public async Task SetConfiguration_RandomUid_AnticollisionRandomAndGetCardUidReal()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.SelectApplicationAsync(DesfireAid.Picc);
        using var picc = InteropCard.PiccKey();
        await card.Session.AuthenticateAsync(0, picc);

        await card.Session.SetPiccConfigurationAsync(disableFormat: false, enableRandomUid: true);
        card.Retap();

        Assert.Equal(4, card.Card.AnticollisionUid.Length);
        Assert.Equal(0x08, card.Card.AnticollisionUid.Span[0]);
        await card.Session.AuthenticateAsync(0, picc);
        Assert.Equal(card.Card.State.Uid.ToArray(), await card.Session.GetCardUidAsync());
    }

    [Fact]
    public async Task FormatPicc_PersonalisedCard_ApplicationsGoneAndMemoryBack()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(1, DesfireCommMode.Plain, new AccessRights(0, 0, 0, 0), 1000);
        await card.Session.SelectApplicationAsync(DesfireAid.Picc);
        using var picc = InteropCard.PiccKey();
        await card.Session.AuthenticateAsync(0, picc);

        await card.Session.FormatPiccAsync();

        Assert.Empty(await card.Session.GetApplicationIdsAsync());
        Assert.Equal(4096, await card.Session.FreeMemoryAsync());
        Assert.Equal(new DesfireKeySettings(0x0F, 1, DesfireKeyType.Aes), await card.Session.GetKeySettingsAsync());
    }

    [Fact]
    public async Task SetConfiguration_FormatDisabled_FormatRefusedWithPermissionDenied()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.SelectApplicationAsync(DesfireAid.Picc);
        using var picc = InteropCard.PiccKey();
        await card.Session.AuthenticateAsync(0, picc);
        await card.Session.SetPiccConfigurationAsync(disableFormat: true, enableRandomUid: false);

        var error = await Assert.ThrowsAsync<DesfireException>(() => card.Session.FormatPiccAsync());

        Assert.Equal(DesfireStatus.PermissionDenied, error.Status);
        Assert.Equal([InteropCard.Application], await card.Session.GetApplicationIdsAsync());
    }
}
