using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Legacy;

/// <summary>
/// A participant imported from a 2018 <c>user.json</c>. <see cref="Name"/> and <see cref="Phone"/> are for
/// the importing operator only: they are never written to the ledger or to a key file.
/// </summary>
public sealed class LegacyUser : IDisposable
{
    internal LegacyUser(Participant participant, string name, string phone)
    {
        Participant = participant;
        Name = name;
        Phone = phone;
    }

    /// <summary>The imported keys, marked <see cref="Participant.IsLegacy"/>.</summary>
    public Participant Participant { get; }

    public string Name { get; }

    public string Phone { get; }

    public void Dispose() => Participant.Dispose();
}
