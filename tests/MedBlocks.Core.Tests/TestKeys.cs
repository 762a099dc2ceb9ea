using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Tests;

/// <summary>Participants shared by tests that only read them (RSA generation is slow). Never disposed.</summary>
internal static class TestKeys
{
    private static readonly Lazy<Participant> LazyPatient = new(() => Participant.Create(ParticipantRole.Patient, 2048));
    private static readonly Lazy<Participant> LazyPractitioner = new(() => Participant.Create(ParticipantRole.Practitioner, 2048, "Dr Example, General Practice"));

    public static Participant Patient => LazyPatient.Value;

    public static Participant Practitioner => LazyPractitioner.Value;
}
