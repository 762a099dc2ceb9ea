using DesfireStorageSize = MedBlocks.Simulator.Desfire.DesfireStorageSize;
using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using HostKey = MedBlocks.SmartCards.Desfire.Crypto.DesfireKey;

namespace MedBlocks.Simulator.Tests.Interop;

/// <summary>The host library personalises a blank simulated card, command by command.</summary>
public sealed class DesfirePersonalisationInteropTests
{
    [Theory]
    [InlineData(DesfireStorageSize.FourKilobytes)]
    [InlineData(DesfireStorageSize.EightKilobytes)]
    public async Task Personalise_BlankCard_EveryStepAcceptedAndVisible(DesfireStorageSize size)
    {
        using var card = new InteropCard(size);
        var session = card.Session;

        var version = await session.GetVersionAsync();
        Assert.Equal(DesfireProduct.Ev1, version.Product);
        Assert.Equal((int)size, version.Hardware.StorageSize);
        Assert.Equal(card.Card.State.Uid.ToArray(), version.Uid.ToArray());
        Assert.Equal((int)size, await session.FreeMemoryAsync());

        var factorySettings = await session.GetKeySettingsAsync();
        // maxKeys without type bits: the DES/2K3DES family.
        Assert.Equal(new DesfireKeySettings(0x0F, 1, DesfireKeyType.TwoKey3Des), factorySettings);

        using (var factory = HostKey.FactoryDefault())
        {
            await session.AuthenticateAsync(0, factory);
        }

        Assert.True(session.IsAuthenticated);
        using var picc = InteropCard.PiccKey();
        await session.ChangeKeyAsync(0, picc);
        Assert.False(session.IsAuthenticated);
        await session.AuthenticateAsync(0, picc);
        Assert.Equal(new DesfireKeySettings(0x0F, 1, DesfireKeyType.Aes), await session.GetKeySettingsAsync());
        Assert.Equal(1, await session.GetKeyVersionAsync(0));
        Assert.Equal(card.Card.State.Uid.ToArray(), await session.GetCardUidAsync());

        await session.ChangeKeySettingsAsync(0x09);
        Assert.Equal(new DesfireKeySettings(0x09, 1, DesfireKeyType.Aes), await session.GetKeySettingsAsync());

        await session.CreateApplicationAsync(InteropCard.Application, 0x0F, 5, DesfireKeyType.Aes);
        await session.CreateApplicationAsync(new DesfireAid(0x4D4202), 0x0F, 2, DesfireKeyType.Aes);
        Assert.Equal([InteropCard.Application, new DesfireAid(0x4D4202)], await session.GetApplicationIdsAsync());

        // Application = 32 + roundup(25 × keys) in 32-byte blocks: 5 keys 160, 2 keys 96.
        Assert.Equal((int)size - 160 - 96, await session.FreeMemoryAsync());

        await session.SelectApplicationAsync(InteropCard.Application);
        Assert.False(session.IsAuthenticated);
        Assert.Equal(new DesfireKeySettings(0x0F, 5, DesfireKeyType.Aes), await session.GetKeySettingsAsync());

        using var zero = InteropCard.AppFactoryKey();
        await session.AuthenticateAsync(0, zero);
        for (byte key = 1; key < 5; key++)
        {
            using var next = InteropCard.AppKey(key);
            await session.ChangeKeyAsync(key, next, zero);
            Assert.True(session.IsAuthenticated);
            Assert.Equal(next.Version, await session.GetKeyVersionAsync(key));
        }

        using var master = InteropCard.AppKey(0);
        await session.ChangeKeyAsync(0, master);
        Assert.False(session.IsAuthenticated);

        for (byte key = 0; key < 5; key++)
        {
            using var expected = InteropCard.AppKey(key);
            await session.AuthenticateAsync(key, expected);
            Assert.Equal(key, session.AuthenticatedKeyNumber);
        }

        await session.AuthenticateAsync(0, master);
        await session.ChangeKeySettingsAsync(0x0B);
        Assert.True(session.IsAuthenticated);
        Assert.Equal(new DesfireKeySettings(0x0B, 5, DesfireKeyType.Aes), await session.GetKeySettingsAsync());
    }

    [Fact]
    public async Task ChangeKey_OtherKeyTwice_SecondChangeUsesFirstNewKeyAsCurrent()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.OpenApplicationAsync();

        using var current = InteropCard.AppKey(3);
        using var replacement = HostKey.Aes(InteropCard.Filled(0x33), version: 0x42);
        await card.Session.ChangeKeyAsync(3, replacement, current);
        Assert.Equal(0x42, await card.Session.GetKeyVersionAsync(3));

        await card.Session.AuthenticateAsync(3, replacement);
        var wrong = await Assert.ThrowsAsync<DesfireException>(() => card.Session.AuthenticateAsync(3, current));
        Assert.Equal(DesfireStatus.AuthenticationError, wrong.Status);
    }

    [Fact]
    public async Task SelectApplication_AuthenticatedSession_EndsSessionOnBothSides()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.OpenApplicationAsync();
        await card.Session.SelectApplicationAsync(InteropCard.Application);

        Assert.False(card.Session.IsAuthenticated);

        // Plain again on both sides: a plain command answers without a CMAC the host would reject.
        Assert.Equal(new DesfireKeySettings(0x0F, 5, DesfireKeyType.Aes), await card.Session.GetKeySettingsAsync());
        Assert.Empty(await card.Session.GetFileIdsAsync());
    }

    [Fact]
    public async Task Authenticate_WrongAesKey_AuthenticationErrorNamed()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.SelectApplicationAsync(InteropCard.Application);
        using var wrong = InteropCard.AppKey(2);

        var error = await Assert.ThrowsAsync<DesfireException>(() => card.Session.AuthenticateAsync(1, wrong));

        Assert.Equal(DesfireStatus.AuthenticationError, error.Status);
        Assert.Contains("AUTHENTICATION_ERROR", error.Message, StringComparison.Ordinal);
        Assert.False(card.Session.IsAuthenticated);
    }

    [Fact]
    public async Task Authenticate_KeyNumberBeyondApplication_NoSuchKey()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.SelectApplicationAsync(InteropCard.Application);
        using var key = InteropCard.AppKey(0);

        var error = await Assert.ThrowsAsync<DesfireException>(() => card.Session.AuthenticateAsync(5, key));

        Assert.Equal(DesfireStatus.NoSuchKey, error.Status);
        Assert.Contains("NO_SUCH_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeKey_AuthenticatedWithNonMasterKey_AuthenticationError()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.OpenApplicationAsync(keyNumber: 2);
        using var current = InteropCard.AppKey(3);
        using var replacement = HostKey.Aes(InteropCard.Filled(0x77));

        var error = await Assert.ThrowsAsync<DesfireException>(() => card.Session.ChangeKeyAsync(3, replacement, current));

        // The datasheet's "current authentication status does not allow the requested change".
        Assert.Equal(DesfireStatus.AuthenticationError, error.Status);
        Assert.Contains("AUTHENTICATION_ERROR", error.Message, StringComparison.Ordinal);
        Assert.False(card.Session.IsAuthenticated);
    }

    [Fact]
    public async Task CreateApplication_Duplicate_DuplicateError()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.SelectApplicationAsync(DesfireAid.Picc);
        using var picc = InteropCard.PiccKey();
        await card.Session.AuthenticateAsync(0, picc);

        var error = await Assert.ThrowsAsync<DesfireException>(() => card.Session.CreateApplicationAsync(InteropCard.Application, 0x0F, 1, DesfireKeyType.Aes));

        Assert.Equal(DesfireStatus.DuplicateError, error.Status);
    }

    [Fact]
    public async Task DeleteApplication_SelectedApplication_AcceptedAndPiccLevelAfterwards()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.OpenApplicationAsync();

        await card.Session.DeleteApplicationAsync(InteropCard.Application);

        Assert.False(card.Session.IsAuthenticated);
        Assert.Equal(DesfireAid.Picc, card.Session.SelectedApplication);
        Assert.Empty(await card.Session.GetApplicationIdsAsync());
        Assert.Equal(new DesfireKeySettings(0x0F, 1, DesfireKeyType.Aes), await card.Session.GetKeySettingsAsync());
    }

    [Fact]
    public async Task DeleteApplication_FromPicc_SessionContinuesWithCmac()
    {
        using var card = new InteropCard();
        await card.PersonaliseAsync();
        await card.Session.SelectApplicationAsync(DesfireAid.Picc);
        using var picc = InteropCard.PiccKey();
        await card.Session.AuthenticateAsync(0, picc);

        await card.Session.DeleteApplicationAsync(InteropCard.Application);

        Assert.True(card.Session.IsAuthenticated);
        Assert.Empty(await card.Session.GetApplicationIdsAsync());
        Assert.Equal(card.Card.State.Uid.ToArray(), await card.Session.GetCardUidAsync());
    }

    [Fact]
    public async Task CreateApplication_MoreThanFreeMemory_OutOfEeprom()
    {
        using var card = new InteropCard(DesfireStorageSize.FourKilobytes);
        await card.PersonaliseAsync();
        await card.Session.CreateStdDataFileAsync(1, DesfireCommMode.Plain, new AccessRights(0, 0, 0, 0), 3000);
        var free = await card.Session.FreeMemoryAsync();
        Assert.Equal(4096 - 160 - 32 - 3008, free);

        var error = await Assert.ThrowsAsync<DesfireException>(() => card.Session.CreateBackupDataFileAsync(2, DesfireCommMode.Plain, new AccessRights(0, 0, 0, 0), free));

        Assert.Equal(DesfireStatus.OutOfEeprom, error.Status);
        Assert.Contains("OUT_OF_EEPROM", error.Message, StringComparison.Ordinal);
    }
}
