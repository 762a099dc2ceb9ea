using MedBlocks.Core.Ledger;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// What re-issuing a lost card needs besides the new card's content: the patient's encrypted backup
/// key file (<see cref="Core.Participants.ParticipantKeyFile"/>) and its passphrase, and the serial of
/// the card it replaces. Neither passphrase nor keys are stored or logged.
/// </summary>
public sealed record CardReissueRequest(string BackupKeyFile, string BackupPassphrase, string ReplacedSerial, CardRevocationReason Reason = CardRevocationReason.Lost);
