using System.Security.Cryptography;
using MedBlocks.Core.Secrets;

namespace MedBlocks.Core.Participants;

/// <summary>
/// The patient card's key material file (file 02): the participant's private keys sealed under the card
/// PIN, <c>{"v":2,"kdf":{...},"nonce","ct"}</c> (<see cref="PassphraseSealedBox"/>). The file carries no
/// address; the opener passes the address from the card's identity file and it is checked after opening,
/// so a mismatch is reported as such rather than as a wrong PIN.
/// </summary>
public static class CardKeyMaterial
{
    /// <summary>Associated data of every card key material box.</summary>
    private static readonly byte[] Context = System.Text.Encoding.UTF8.GetBytes("medblocks.card-key-material");

    /// <exception cref="LegacyParticipantException">Legacy participants are never written to a card.</exception>
    public static string Seal(Participant participant, ReadOnlySpan<char> pin, Argon2Parameters kdf)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(kdf);
        if (participant.IsLegacy)
        {
            throw new LegacyParticipantException("A legacy participant cannot be written to a card; migrate it first.");
        }

        var container = participant.ExportPrivateKeyContainer();
        try
        {
            return PassphraseSealedBox.Seal(container, pin, kdf, Context).ToJson();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(container);
        }
    }

    /// <summary>Opens the card's key material for the participant at <paramref name="expectedAddress"/>.</summary>
    /// <exception cref="WrongPassphraseException">The PIN is wrong or the file was altered.</exception>
    /// <exception cref="KeyFileFormatException">The file is malformed or its keys belong to another address.</exception>
    public static Participant Open(string json, ReadOnlySpan<char> pin, string expectedAddress, ParticipantRole role = ParticipantRole.Patient)
    {
        var box = PassphraseSealedBox.Parse(json);
        var container = box.Open(pin, Context);
        try
        {
            return ParticipantKeyFile.Restore(container, role, label: null, expectedAddress, isLegacy: false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(container);
        }
    }
}
