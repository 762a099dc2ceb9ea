using System.Buffers.Binary;
using System.Security.Cryptography;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Records;

namespace MedBlocks.Core.Tests.Records;

public sealed class RecordSignatureTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 25, 1, 2, 3, 456, TimeSpan.Zero);
    private static readonly byte[] Hash = SHA256.HashData("ciphertext"u8);

    [Fact]
    public void CreateMessage_ExactLayout()
    {
        var patient = TestKeys.Patient.Address;

        var message = RecordSignature.CreateMessage(Hash, patient, "pdf", Time);

        var expected = new List<byte>();
        void Field(byte[] bytes)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
            expected.AddRange(length);
            expected.AddRange(bytes);
        }

        Field("medblocks.record-signature.v2"u8.ToArray());
        Field(Hash);
        Field(System.Text.Encoding.UTF8.GetBytes(patient));
        Field("pdf"u8.ToArray());
        var time = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, 1795568523456);
        expected.AddRange(time);
        Assert.Equal(expected.ToArray(), message);
    }

    [Fact]
    public void SignVerify_Author_Valid()
    {
        var author = TestKeys.Practitioner;
        var patient = TestKeys.Patient.Address;

        var signature = RecordSignature.Sign(author, Hash, patient, "pdf", Time);

        Assert.True(RecordSignature.Verify(author.Address, signature, Hash, patient, "pdf", Time));
        Assert.True(RecordSignature.Verify(author.Address, signature, Hash, patient, "pdf", Time.ToOffset(TimeSpan.FromHours(10))));
    }

    [Fact]
    public void Verify_AnyFieldChanged_Invalid()
    {
        var author = TestKeys.Practitioner;
        var patient = TestKeys.Patient.Address;
        var signature = RecordSignature.Sign(author, Hash, patient, "pdf", Time);
        var otherHash = Hash.ToArray();
        otherHash[31] ^= 1;
        var forged = signature.ToArray();
        forged[0] ^= 1;

        Assert.False(RecordSignature.Verify(author.Address, signature, otherHash, patient, "pdf", Time));
        Assert.False(RecordSignature.Verify(author.Address, signature, Hash, author.Address, "pdf", Time));
        Assert.False(RecordSignature.Verify(author.Address, signature, Hash, patient, "png", Time));
        Assert.False(RecordSignature.Verify(author.Address, signature, Hash, patient, "pdf", Time.AddMilliseconds(1)));
        Assert.False(RecordSignature.Verify(patient, signature, Hash, patient, "pdf", Time));
        Assert.False(RecordSignature.Verify(author.Address, forged, Hash, patient, "pdf", Time));
        Assert.False(RecordSignature.Verify(author.Address, signature.AsSpan(0, 63), Hash, patient, "pdf", Time));
        Assert.False(RecordSignature.Verify("not-an-address", signature, Hash, patient, "pdf", Time));
        Assert.False(RecordSignature.Verify(author.Address, signature, Hash.AsSpan(0, 31), patient, "pdf", Time));
    }

    [Fact]
    public void Sign_GoesThroughEntrySigner()
    {
        var signer = new RecordingSigner();

        var signature = RecordSignature.Sign(signer, Hash, TestKeys.Patient.Address, "pdf", Time);

        Assert.Equal(RecordSignature.CreateMessage(Hash, TestKeys.Patient.Address, "pdf", Time), signer.Seen);
        Assert.Equal(new byte[64], signature);
    }

    [Fact]
    public async Task Sign_HashFromEncryptAsync_VerifiesAgainstStoredCiphertext()
    {
        var author = TestKeys.Practitioner;
        var patient = TestKeys.Patient.Address;
        using var key = RecordKey.Generate();
        using var ciphertext = new MemoryStream();
        var result = await RecordEnvelope.EncryptAsync(new MemoryStream(new byte[100_000]), ciphertext, key, patient, "image/png");

        var signature = RecordSignature.Sign(author, result.CiphertextSha256.Span, patient, "image/png", Time);

        Assert.True(RecordSignature.Verify(author.Address, signature, SHA256.HashData(ciphertext.ToArray()), patient, "image/png", Time));
    }

    /// <summary>A signer that records what it was asked to sign (Moq cannot match span arguments).</summary>
    private sealed class RecordingSigner : IEntrySigner
    {
        public byte[]? Seen { get; private set; }

        public string Address => TestKeys.Practitioner.Address;

        public byte[] Sign(ReadOnlySpan<byte> message)
        {
            Seen = message.ToArray();
            return new byte[64];
        }
    }
}
