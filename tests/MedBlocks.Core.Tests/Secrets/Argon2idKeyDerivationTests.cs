using MedBlocks.Core.Secrets;

namespace MedBlocks.Core.Tests.Secrets;

public sealed class Argon2idKeyDerivationTests
{
    // Expected values computed independently with Python cryptography's Argon2id (OpenSSL).
    [Theory]
    [InlineData("pässwörd", "medblocks-salt-1", 1024, 1, 1, "0db1cbfb087ae082f0f12dcc1d2f3556f5433d91009c4bfb25ca04c9af6d951d")]
    [InlineData("password", "somesaltsomesalt", 64, 3, 2, "d423f3e0fbb278a9249c2353539bf9daa94cb792edc10b2033905b786edc1fad")]
    public void Derive_KnownVector_MatchesIndependentImplementation(string passphrase, string salt, int m, int t, int p, string expectedHex)
    {
        var output = new byte[32];

        Argon2idKeyDerivation.Derive(passphrase, System.Text.Encoding.ASCII.GetBytes(salt), new Argon2Parameters(m, t, p), output);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(output));
    }
}
