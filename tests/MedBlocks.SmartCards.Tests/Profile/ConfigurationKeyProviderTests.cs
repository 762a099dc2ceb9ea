using System.Text;
using MedBlocks.SmartCards.Profile;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class ConfigurationKeyProviderTests
{
    private static readonly byte[] Uid = Convert.FromHexString("04782E21801D80");

    [Fact]
    public async Task GetApplicationKeyAsync_Read_IsCmacOfProfileDiversificationInput()
    {
        using var provider = PatientCardTestKit.EnrolmentKeys();

        using var key = await provider.GetApplicationKeyAsync(CardKeyRole.Read, Uid);

        var expected = Cmac(PatientCardTestKit.EnrolmentOptions().Read!, [0x01, .. Uid, 0x31, 0x42, 0x4D, .. Encoding.ASCII.GetBytes("MedBlocks")]);
        Assert.Equal(expected, key.Bytes.ToArray());
        Assert.Equal(PatientCardProfile.KeyVersion, key.Version);
    }

    [Fact]
    public async Task GetPiccMasterKeyAsync_Uid_UsesAidZero()
    {
        using var provider = PatientCardTestKit.EnrolmentKeys();

        using var key = await provider.GetPiccMasterKeyAsync(Uid);

        var expected = Cmac(PatientCardTestKit.EnrolmentOptions().PiccMaster!, [0x01, .. Uid, 0x00, 0x00, 0x00, .. Encoding.ASCII.GetBytes("MedBlocks")]);
        Assert.Equal(expected, key.Bytes.ToArray());
    }

    [Fact]
    public async Task GetApplicationKeyAsync_KioskAskingForWriteKey_ThrowsMissingMaster()
    {
        using var provider = PatientCardTestKit.KioskKeys();

        var error = await Assert.ThrowsAsync<MissingMasterKeyException>(() => provider.GetApplicationKeyAsync(CardKeyRole.Write, Uid).AsTask());

        Assert.Equal(CardKeyRole.Write, error.Role);
        Assert.True(provider.Holds(CardKeyRole.Read));
        Assert.False(provider.Holds(CardKeyRole.Emergency));
    }

    [Theory]
    [InlineData("00112233445566778899AABBCCDDEE")]
    [InlineData("00112233445566778899AABBCCDDEEFF00")]
    [InlineData("not hex at all, not hex at all!!")]
    public void Constructor_MalformedMaster_Throws(string hex) =>
        Assert.Throws<ArgumentException>(() => new ConfigurationKeyProvider(new CardKeyOptions { Read = hex }));

    [Fact]
    public void Constructor_TwoRolesSameMaster_Throws()
    {
        var options = PatientCardTestKit.EnrolmentOptions();
        options.Emergency = options.Read;

        Assert.Throws<ArgumentException>(() => new ConfigurationKeyProvider(options));
    }

    [Fact]
    public async Task GetApplicationKeyAsync_ShortUid_Throws()
    {
        using var provider = PatientCardTestKit.KioskKeys();

        await Assert.ThrowsAsync<ArgumentException>(() => provider.GetApplicationKeyAsync(CardKeyRole.Read, new byte[4]).AsTask());
    }

    private static byte[] Cmac(string masterHex, byte[] message)
    {
        var mac = new CMac(new AesEngine());
        mac.Init(new KeyParameter(Convert.FromHexString(masterHex)));
        mac.BlockUpdate(message, 0, message.Length);
        var output = new byte[16];
        mac.DoFinal(output, 0);
        return output;
    }
}
