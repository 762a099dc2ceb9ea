using System.Collections.Frozen;
using MedBlocks.Kiosk.Cards;

namespace MedBlocks.Kiosk.Localization;

/// <summary>Every sentence a station shows, in each language it offers.</summary>
public sealed partial class Texts
{
    private readonly FrozenDictionary<string, string> _strings;

    private Texts(Language language, params Dictionary<string, string>[] parts)
    {
        Language = language;
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var (key, text) in part)
            {
                // Each area's file owns its keys; a key defined twice is a mistake caught by the tests.
                strings.Add(key, text);
            }
        }

        _strings = strings.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every station's texts in English: the common screens here, each area's in its own file.</summary>
    public static Texts English { get; } = new(Language.English, CommonEnglish, StaffEnglish, ConsentEnglish, EmergencyEnglish, EnrolmentEnglish);

    public static Texts French { get; } = new(Language.French, CommonFrench, StaffFrench, ConsentFrench, EmergencyFrench, EnrolmentFrench);

    /// <summary>Every key defined in the given language (for completeness checks).</summary>
    public IEnumerable<string> Keys => _strings.Keys;

    private static Dictionary<string, string> CommonEnglish => new()
    {
        ["lang.name"] = "English",
        ["lang.switch"] = "Français",
        ["lang.switchLabel"] = "Passer en français",
        ["idle.title"] = "Welcome",
        ["idle.tap"] = "Please tap your card on the reader",
        ["greeting.hello"] = "Hello {0}, born {1}",
        ["greeting.question"] = "Is this you?",
        ["greeting.confirm"] = "Yes, check me in",
        ["greeting.cancel"] = "No, this is not me",
        ["ticket.title"] = "You are checked in",
        ["ticket.number"] = "Your number",
        ["ticket.wait"] = "Please take a seat; your number will be called.",
        ["ticket.done"] = "Done",
        ["countdown"] = "This screen clears in {0} s",
        ["problem.back"] = "Back to start",
        ["problem.ForeignCard"] = "This card is not a MedBlocks patient card. Please ask at the desk.",
        ["problem.Revoked"] = "This card is no longer valid. Please ask at the desk for your new card.",
        ["problem.CardPulled"] = "The card was taken away too soon. Hold the card still and tap again.",
        ["problem.Unreadable"] = "This card could not be read. Please try again or ask at the desk.",
        ["problem.ReaderUnavailable"] = "The card reader is not working. Please ask at the desk.",
        ["problem.LedgerUnreachable"] = "The network cannot be reached just now. Please ask at the desk.",
        ["reader.missing"] = "The card reader is not connected.",
        ["emergency.idle"] = "Tap the patient's card to read the emergency summary",
        ["emergency.title"] = "Emergency summary (from the card)",
        ["emergency.allergies"] = "Allergies",
        ["emergency.allergiesNone"] = "No known allergies",
        ["emergency.resuscitation"] = "Resuscitation",
        ["emergency.FullResuscitation"] = "Full resuscitation",
        ["emergency.DoNotResuscitate"] = "DO NOT RESUSCITATE",
        ["emergency.Unknown"] = "Not recorded",
        ["emergency.medications"] = "Medications",
        ["emergency.problems"] = "Problems",
        ["emergency.none"] = "None recorded",
        ["emergency.bloodGroup"] = "Blood group (informational, cross-match before transfusion)",
        ["emergency.contacts"] = "Emergency contacts",
        ["emergency.author"] = "Written by {0} on {1}; author signature verified",
        ["emergency.print"] = "Print hand-over summary",
        ["emergency.clear"] = "Clear",
        ["problem.BadSignature"] = "The summary on this card is not signed correctly. Do not rely on it.",
    };

    private static Dictionary<string, string> CommonFrench => new()
    {
        ["lang.name"] = "Français",
        ["lang.switch"] = "English",
        ["lang.switchLabel"] = "Switch to English",
        ["idle.title"] = "Bienvenue",
        ["idle.tap"] = "Veuillez poser votre carte sur le lecteur",
        ["greeting.hello"] = "Bonjour {0}, né(e) en {1}",
        ["greeting.question"] = "Est-ce bien vous ?",
        ["greeting.confirm"] = "Oui, enregistrer mon arrivée",
        ["greeting.cancel"] = "Non, ce n'est pas moi",
        ["ticket.title"] = "Votre arrivée est enregistrée",
        ["ticket.number"] = "Votre numéro",
        ["ticket.wait"] = "Veuillez vous asseoir ; votre numéro sera appelé.",
        ["ticket.done"] = "Terminé",
        ["countdown"] = "Cet écran s'efface dans {0} s",
        ["problem.back"] = "Retour à l'accueil",
        ["problem.ForeignCard"] = "Cette carte n'est pas une carte patient MedBlocks. Adressez-vous à l'accueil.",
        ["problem.Revoked"] = "Cette carte n'est plus valable. Demandez votre nouvelle carte à l'accueil.",
        ["problem.CardPulled"] = "La carte a été retirée trop tôt. Tenez la carte immobile et reposez-la.",
        ["problem.Unreadable"] = "Cette carte n'a pas pu être lue. Réessayez ou adressez-vous à l'accueil.",
        ["problem.ReaderUnavailable"] = "Le lecteur de carte ne fonctionne pas. Adressez-vous à l'accueil.",
        ["problem.LedgerUnreachable"] = "Le réseau est injoignable pour le moment. Adressez-vous à l'accueil.",
        ["reader.missing"] = "Le lecteur de carte n'est pas branché.",
        ["emergency.idle"] = "Posez la carte du patient pour lire le résumé d'urgence",
        ["emergency.title"] = "Résumé d'urgence (lu sur la carte)",
        ["emergency.allergies"] = "Allergies",
        ["emergency.allergiesNone"] = "Aucune allergie connue",
        ["emergency.resuscitation"] = "Réanimation",
        ["emergency.FullResuscitation"] = "Réanimation complète",
        ["emergency.DoNotResuscitate"] = "NE PAS RÉANIMER",
        ["emergency.Unknown"] = "Non renseigné",
        ["emergency.medications"] = "Traitements",
        ["emergency.problems"] = "Problèmes",
        ["emergency.none"] = "Aucun",
        ["emergency.bloodGroup"] = "Groupe sanguin (indicatif, contrôle avant transfusion)",
        ["emergency.contacts"] = "Personnes à prévenir",
        ["emergency.author"] = "Rédigé par {0} le {1} ; signature de l'auteur vérifiée",
        ["emergency.print"] = "Imprimer le résumé de transmission",
        ["emergency.clear"] = "Effacer",
        ["problem.BadSignature"] = "Le résumé de cette carte n'est pas correctement signé. Ne pas s'y fier.",
    };

    public Language Language { get; }

    public string this[string key] => _strings.TryGetValue(key, out var text) ? text : key;

    public static Texts For(Language language) => language == Language.French ? French : English;

    public string Format(string key, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    public string ProblemText(CardProblemKind kind) => this["problem." + kind];
}
