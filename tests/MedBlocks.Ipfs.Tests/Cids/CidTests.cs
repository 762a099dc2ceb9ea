using System.Security.Cryptography;
using MedBlocks.Ipfs.Cids;

namespace MedBlocks.Ipfs.Tests.Cids;

public sealed class CidTests
{
    private const string EmptyRawV1 = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
    private const string EmptyRawV1Base58 = "zb2rhmy65F3REf8SZp7De11gxtECBGgUKaLdiDj7MCGCHxbDW";
    private const string EmptyFileV0 = "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";
    private const string EmptyFileV1 = "bafybeif7ztnhq65lumvvtr4ekcwd2ifwgm3awq4zfr3srh462rwyinlb4y";

    // js-ipfs printed these for the same 262145-byte file in base58btc and in base32.
    private const string TwoChunkRootBase58 = "zdj7Wk72MXfZcwxCBwS4BqG7jut9JcKU8796khyuCDJvNaQf6";
    private const string TwoChunkRootBase32 = "bafybeig2bf7mi4tqq5egk3swkzmmtiky7bijh5i4ngbju7ni324tfcpnwu";

    [Fact]
    public void CreateV1_RawDigestOfEmptyBytes_IsKnownEmptyRawCid()
    {
        var cid = Cid.CreateV1(CidCodec.Raw, SHA256.HashData(Array.Empty<byte>()));

        Assert.Equal(EmptyRawV1, cid.ToString());
        Assert.Equal(36, cid.ByteLength);
        Assert.Equal(new byte[] { 0x01, 0x55, 0x12, 0x20 }, cid.ToBytes()[..4]);
    }

    [Fact]
    public void ForBlock_EmptyUnixFsFileNode_IsKnownEmptyFileCids()
    {
        byte[] node = [0x0a, 0x04, 0x08, 0x02, 0x18, 0x00];

        Assert.Equal(EmptyFileV0, Cid.ForBlock(0, CidCodec.DagPb, node).ToString());
        Assert.Equal(EmptyFileV1, Cid.ForBlock(1, CidCodec.DagPb, node).ToString());
    }

    [Fact]
    public void Parse_V0Text_RoundTripsAndExposesDigest()
    {
        var cid = Cid.Parse(EmptyFileV0);

        Assert.Equal(0, cid.Version);
        Assert.Equal(CidCodec.DagPb, cid.Codec);
        Assert.Equal(34, cid.ByteLength);
        Assert.Equal(SHA256.HashData(new byte[] { 0x0a, 0x04, 0x08, 0x02, 0x18, 0x00 }), cid.Digest.ToArray());
        Assert.Equal(EmptyFileV0, cid.ToString());
        Assert.Equal(EmptyFileV1, cid.ToV1().ToString());
    }

    [Fact]
    public void Parse_V1Base58Btc_EqualsBase32Form()
    {
        var fromBase58 = Cid.Parse(EmptyRawV1Base58);
        var fromBase32 = Cid.Parse(EmptyRawV1);

        Assert.Equal(fromBase32, fromBase58);
        Assert.True(fromBase32 == fromBase58);
        Assert.Equal(fromBase32.GetHashCode(), fromBase58.GetHashCode());
        Assert.Equal(EmptyRawV1, fromBase58.ToString());
        Assert.Equal(CidCodec.Raw, fromBase58.Codec);
        Assert.Equal(TwoChunkRootBase32, Cid.Parse(TwoChunkRootBase58).ToString());
        Assert.Equal(CidCodec.DagPb, Cid.Parse(TwoChunkRootBase58).Codec);
    }

    [Fact]
    public void Equals_SameDigestDifferentVersionOrCodec_AreDifferent()
    {
        var digest = SHA256.HashData("x"u8);

        Assert.NotEqual(Cid.CreateV0(digest), Cid.CreateV1(CidCodec.DagPb, digest));
        Assert.NotEqual(Cid.CreateV1(CidCodec.Raw, digest), Cid.CreateV1(CidCodec.DagPb, digest));
        Assert.True(Cid.CreateV0(digest) != Cid.CreateV1(CidCodec.DagPb, digest));
        Assert.Equal(Cid.CreateV0(digest), Cid.FromBytes(Cid.CreateV0(digest).ToBytes()));
        Assert.Equal(Cid.CreateV1(CidCodec.Raw, digest), Cid.FromBytes(Cid.CreateV1(CidCodec.Raw, digest).ToBytes()));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("fabc", "expected a CIDv0")]
    [InlineData("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQ0", "base58btc")]
    [InlineData("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvykU", "lower-case base32")]
    [InlineData("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvy", "sha2-256")]
    [InlineData("bafyreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", "codec 0x71")]
    [InlineData("z0", "base58btc")]
    public void Parse_BadText_ThrowsFormatExceptionSayingWhy(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => Cid.Parse(text));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.False(Cid.TryParse(text, out _));
    }

    [Fact]
    public void Parse_V0MultihashBehindMultibasePrefix_IsRejected()
    {
        var text = "b" + MedBlocks.Ipfs.Encoding.Base32.EncodeLower(Cid.Parse(EmptyFileV0).ToBytes());

        var ex = Assert.Throws<FormatException>(() => Cid.Parse(text));
        Assert.Contains("without a multibase prefix", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(Cid.TryParse(null, out var cid));
        Assert.Null(cid);
    }

    [Fact]
    public void FromBytes_TrailingByte_Throws()
    {
        var bytes = Cid.Parse(EmptyRawV1).ToBytes().Append((byte)0).ToArray();

        var ex = Assert.Throws<FormatException>(() => Cid.FromBytes(bytes));
        Assert.Contains("exactly a 32-byte digest", ex.Message, StringComparison.Ordinal);
    }
}
