using Hl7.Fhir.Model;
using MedBlocks.Core.Participants;

namespace MedBlocks.Fhir.Tests;

internal static class FhirTestKit
{
    public static readonly DateTimeOffset Assembled = new(2026, 11, 25, 10, 30, 0, TimeSpan.Zero);

    /// <summary>The clinical author of the sample summaries (one per test run).</summary>
    public static Participant Doctor { get; } = Participant.Create(ParticipantRole.Practitioner, 2048);

    /// <summary>The patient as a paramedic station knows them: by card serial only (card info is free to read).</summary>
    public static Patient Subject() => new() { Identifier = [new Identifier(FhirCodes.CardSerialSystem, "0123456789ABCDEF")] };

    public static string ForeignIps() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "foreign-ips.json"));
}
