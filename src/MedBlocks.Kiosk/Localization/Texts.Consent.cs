namespace MedBlocks.Kiosk.Localization;

/// <summary>Texts of the check-in consent step (sharing records with a clinician).</summary>
public sealed partial class Texts
{
    private static Dictionary<string, string> ConsentEnglish => new()
    {
        ["consent.offer"] = "Share records with my clinician",
        ["consent.title"] = "Share your records",
        ["consent.recordsLegend"] = "Records to share",
        ["consent.clinicianLegend"] = "Share with",
        ["consent.noRecords"] = "There are no records to share.",
        ["consent.noClinicians"] = "No clinician can be chosen at this station. Please ask at the desk.",
        ["consent.emergency"] = "also readable in an emergency",
        ["consent.alreadyHeld"] = "already shared with this clinician",
        ["consent.otherAuthor"] = "another clinician",
        ["consent.continue"] = "Continue",
        ["consent.skip"] = "Not now",
        ["consent.pinTitle"] = "Enter your card PIN to share",
        ["consent.doneTitle"] = "Records shared",
        ["consent.sharedOne"] = "{0} can now read 1 record.",
        ["consent.sharedMany"] = "{0} can now read {1} records.",
        ["consent.already"] = "{0} already shared before.",
        ["consent.takeCard"] = "You can take your card now.",
        ["consent.kind.text"] = "Text document",
        ["consent.kind.pdf"] = "PDF document",
        ["consent.kind.fhir"] = "Health record (FHIR)",
        ["consent.kind.image"] = "Image",
        ["consent.kind.other"] = "Document ({0})",
        ["problem.ConsentFailed"] = "Your records could not be shared just now. Please ask at the desk.",
        ["problem.DifferentCard"] = "This is not the card that checked in. Please use the same card.",
    };

    private static Dictionary<string, string> ConsentFrench => new()
    {
        ["consent.offer"] = "Partager des documents avec mon médecin",
        ["consent.title"] = "Partager vos documents",
        ["consent.recordsLegend"] = "Documents à partager",
        ["consent.clinicianLegend"] = "Partager avec",
        ["consent.noRecords"] = "Aucun document à partager.",
        ["consent.noClinicians"] = "Aucun médecin ne peut être choisi à ce poste. Adressez-vous à l'accueil.",
        ["consent.emergency"] = "lisible aussi en urgence",
        ["consent.alreadyHeld"] = "déjà partagé avec ce médecin",
        ["consent.otherAuthor"] = "un autre soignant",
        ["consent.continue"] = "Continuer",
        ["consent.skip"] = "Pas maintenant",
        ["consent.pinTitle"] = "Saisissez le code PIN de la carte pour partager",
        ["consent.doneTitle"] = "Documents partagés",
        ["consent.sharedOne"] = "{0} peut maintenant lire 1 document.",
        ["consent.sharedMany"] = "{0} peut maintenant lire {1} documents.",
        ["consent.already"] = "{0} déjà partagé(s) auparavant.",
        ["consent.takeCard"] = "Vous pouvez reprendre votre carte.",
        ["consent.kind.text"] = "Document texte",
        ["consent.kind.pdf"] = "Document PDF",
        ["consent.kind.fhir"] = "Dossier de santé (FHIR)",
        ["consent.kind.image"] = "Image",
        ["consent.kind.other"] = "Document ({0})",
        ["problem.ConsentFailed"] = "Vos documents n'ont pas pu être partagés pour le moment. Adressez-vous à l'accueil.",
        ["problem.DifferentCard"] = "Ce n'est pas la carte utilisée pour l'arrivée. Utilisez la même carte.",
    };
}
