namespace MedBlocks.Kiosk.Localization;

/// <summary>Texts of the PIN keypad and of staff sign-in.</summary>
public sealed partial class Texts
{
    /// <summary>"Wrong PIN" with the attempts left, as every keypad says it.</summary>
    public string WrongPin(int attemptsRemaining) =>
        attemptsRemaining == 1 ? this["pin.wrongLast"] : Format("pin.wrong", attemptsRemaining);

    /// <summary>The lock-out after too many wrong PINs, in whole minutes (at least one).</summary>
    public string PinLockedOut(TimeSpan retryAfter) =>
        Format("pin.locked", Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes)));

    private static Dictionary<string, string> StaffEnglish => new()
    {
        ["pin.title"] = "Enter your card PIN",
        ["pin.entered"] = "{0} digits entered",
        ["pin.erase"] = "Erase",
        ["pin.eraseLabel"] = "Erase the last digit",
        ["pin.ok"] = "OK",
        ["pin.cancel"] = "Cancel",
        ["pin.busy"] = "Checking the PIN… keep the card on the reader",
        ["pin.wrong"] = "Wrong PIN. {0} attempts left.",
        ["pin.wrongLast"] = "Wrong PIN. One attempt left before a pause.",
        ["pin.locked"] = "Too many wrong PINs. Try again in {0} minutes, or ask at the desk.",
        ["staff.signInTitle"] = "Staff sign-in",
        ["staff.tapCard"] = "Tap your staff card on the reader",
        ["staff.hello"] = "{0}, {1}",
        ["staff.signedIn"] = "Signed in: {0} ({1})",
        ["staff.signOut"] = "Sign out",
        ["staff.idle"] = "Signs out after {0} min without activity",
        ["staff.patientCard"] = "This is a patient card. Staff sign in with their own staff card.",
        ["staff.roleNotAllowed"] = "This staff card cannot sign in at this station.",
        ["role.Registrar"] = "registrar",
        ["role.Practitioner"] = "practitioner",
        ["role.Paramedic"] = "paramedic",
        ["role.Patient"] = "patient",
    };

    private static Dictionary<string, string> StaffFrench => new()
    {
        ["pin.title"] = "Saisissez le code PIN de la carte",
        ["pin.entered"] = "{0} chiffres saisis",
        ["pin.erase"] = "Effacer",
        ["pin.eraseLabel"] = "Effacer le dernier chiffre",
        ["pin.ok"] = "Valider",
        ["pin.cancel"] = "Annuler",
        ["pin.busy"] = "Vérification du code… laissez la carte sur le lecteur",
        ["pin.wrong"] = "Code PIN erroné. Encore {0} essais.",
        ["pin.wrongLast"] = "Code PIN erroné. Dernier essai avant une pause.",
        ["pin.locked"] = "Trop de codes erronés. Réessayez dans {0} minutes ou adressez-vous à l'accueil.",
        ["staff.signInTitle"] = "Connexion du personnel",
        ["staff.tapCard"] = "Posez votre carte professionnelle sur le lecteur",
        ["staff.hello"] = "{0}, {1}",
        ["staff.signedIn"] = "Connecté : {0} ({1})",
        ["staff.signOut"] = "Se déconnecter",
        ["staff.idle"] = "Déconnexion après {0} min sans activité",
        ["staff.patientCard"] = "Ceci est une carte patient. Le personnel se connecte avec sa carte professionnelle.",
        ["staff.roleNotAllowed"] = "Cette carte professionnelle ne permet pas de se connecter à ce poste.",
        ["role.Registrar"] = "accueil",
        ["role.Practitioner"] = "médecin",
        ["role.Paramedic"] = "secouriste",
        ["role.Patient"] = "patient",
    };
}
