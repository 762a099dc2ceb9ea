namespace MedBlocks.Kiosk.Localization;

/// <summary>Texts of the paramedic station: sign-in gate, online emergency records, hand-over.</summary>
public sealed partial class Texts
{
    private static Dictionary<string, string> EmergencyEnglish => new()
    {
        ["er.signInFirst"] = "Sign in with your staff card to read a patient's emergency summary. Patient cards are not read until someone is signed in.",
        ["er.idleSignOut"] = "Signs out in {0}",
        ["er.staffCard"] = "This is a staff card. Tap the patient's card to read their emergency summary.",
        ["er.records"] = "Emergency records (online)",
        ["er.recordsLoading"] = "Looking for the patient's emergency records online…",
        ["er.recordsUnavailable"] = "Online records unavailable. The summary above, from the card, is all there is for now.",
        ["er.recordsNoAddress"] = "Online records unavailable: the card's identity could not be read.",
        ["er.recordsNone"] = "No emergency records online for this patient.",
        ["er.recordUntitled"] = "Emergency record",
        ["er.recordMeta"] = "By {0} on {1}",
        ["er.NotDisplayable"] = "This record ({0}) cannot be displayed on this station.",
        ["er.NoKey"] = "You hold no key for this record; it cannot be read here.",
        ["er.Tampered"] = "This record could not be verified and is not shown.",
        ["er.Unavailable"] = "This record could not be fetched just now.",
        ["er.withheld"] = "{0} record(s) withheld by the patient were not read.",
        ["er.readBy"] = "Read by {0} ({1}) at {2} UTC; recorded on the ledger ({3}) and on the card.",
        ["er.readByLedgerOnly"] = "Read by {0} ({1}) at {2} UTC; recorded on the ledger ({3}); the card had left, so not on the card.",
        ["er.notRead"] = "Nothing was read online.",
        ["er.revoked.Lost"] = "This card was reported lost. The summary may be out of date: check who the patient is.",
        ["er.revoked.Stolen"] = "This card was reported stolen. Check who the patient is before relying on the summary.",
        ["er.revoked.Damaged"] = "This card was replaced after damage. The summary may be out of date.",
        ["er.revoked.Replaced"] = "This card was replaced by a newer card. The summary may be out of date.",
        ["er.revoked.Expired"] = "This card has expired. The summary may be out of date.",
    };

    private static Dictionary<string, string> EmergencyFrench => new()
    {
        ["er.signInFirst"] = "Connectez-vous avec votre carte professionnelle pour lire le résumé d'urgence d'un patient. Aucune carte patient n'est lue avant la connexion.",
        ["er.idleSignOut"] = "Déconnexion dans {0}",
        ["er.staffCard"] = "Ceci est une carte professionnelle. Posez la carte du patient pour lire son résumé d'urgence.",
        ["er.records"] = "Documents d'urgence (en ligne)",
        ["er.recordsLoading"] = "Recherche des documents d'urgence du patient en ligne…",
        ["er.recordsUnavailable"] = "Documents en ligne indisponibles. Le résumé ci-dessus, lu sur la carte, est la seule source pour l'instant.",
        ["er.recordsNoAddress"] = "Documents en ligne indisponibles : l'identité de la carte n'a pas pu être lue.",
        ["er.recordsNone"] = "Aucun document d'urgence en ligne pour ce patient.",
        ["er.recordUntitled"] = "Document d'urgence",
        ["er.recordMeta"] = "Par {0} le {1}",
        ["er.NotDisplayable"] = "Ce document ({0}) ne peut pas être affiché sur ce poste.",
        ["er.NoKey"] = "Vous n'avez pas de clé pour ce document ; il ne peut pas être lu ici.",
        ["er.Tampered"] = "Ce document n'a pas pu être vérifié et n'est pas affiché.",
        ["er.Unavailable"] = "Ce document n'a pas pu être récupéré pour le moment.",
        ["er.withheld"] = "{0} document(s) refusé(s) par le patient n'ont pas été lus.",
        ["er.readBy"] = "Lu par {0} ({1}) à {2} UTC ; enregistré dans le registre ({3}) et sur la carte.",
        ["er.readByLedgerOnly"] = "Lu par {0} ({1}) à {2} UTC ; enregistré dans le registre ({3}) ; la carte était retirée, donc pas sur la carte.",
        ["er.notRead"] = "Rien n'a été lu en ligne.",
        ["er.revoked.Lost"] = "Cette carte a été déclarée perdue. Le résumé peut être ancien : vérifiez l'identité du patient.",
        ["er.revoked.Stolen"] = "Cette carte a été déclarée volée. Vérifiez l'identité du patient avant de vous fier au résumé.",
        ["er.revoked.Damaged"] = "Cette carte a été remplacée après dommage. Le résumé peut être ancien.",
        ["er.revoked.Replaced"] = "Cette carte a été remplacée par une carte plus récente. Le résumé peut être ancien.",
        ["er.revoked.Expired"] = "Cette carte a expiré. Le résumé peut être ancien.",
    };
}
