using Hl7.Fhir.Model;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Fhir;

/// <summary>
/// An emergency summary read from an IPS Bundle. <see cref="Warnings"/> lists what was left out or
/// changed (only with <see cref="IpsImportOptions.AcceptLoss"/>, or notes that lose nothing).
/// <see cref="SignatureValid"/>: null when the Bundle carries no MedBlocks author signature, else
/// whether it verifies over the summary's card JSON.
/// </summary>
public sealed record IpsImportResult(EmergencySummary Summary, Patient? Patient, IReadOnlyList<string> Warnings, bool? SignatureValid);
