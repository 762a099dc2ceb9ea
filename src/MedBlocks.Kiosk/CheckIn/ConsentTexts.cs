using System.Globalization;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Localization;
using MedBlocks.Kiosk.Records;
using MedBlocks.SmartCards.Profile;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Kiosk.CheckIn;

/// <summary>How the consent step words records, outcomes and failures.</summary>
public static class ConsentTexts
{
    private static readonly string[] EnglishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] FrenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    /// <summary>A plain name for a record's media type ("Text document", "PDF document", …).</summary>
    public static string KindOf(Texts texts, string contentType)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(contentType);
        var bare = contentType.Split(';', 2)[0].Trim().ToLowerInvariant();
        var key = bare switch
        {
            "text/plain" => "consent.kind.text",
            "application/pdf" => "consent.kind.pdf",
            "application/fhir+json" or "application/fhir+xml" => "consent.kind.fhir",
            _ when bare.StartsWith("image/", StringComparison.Ordinal) => "consent.kind.image",
            _ => null,
        };
        return key is null ? texts.Format("consent.kind.other", bare) : texts[key];
    }

    /// <summary>The record's date as the patient reads it (day month year, in the screen's language).</summary>
    public static string DateOf(Texts texts, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(texts);
        // The host runs in invariant globalisation mode: month names come from here, not from a culture.
        var date = time.UtcDateTime;
        var months = texts.Language == Language.French ? FrenchMonths : EnglishMonths;
        return string.Create(CultureInfo.InvariantCulture, $"{date.Day} {months[date.Month - 1]} {date.Year}");
    }

    public static string AuthorOf(Texts texts, ShareableRecord record)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(record);
        return record.AuthorName ?? texts["consent.otherAuthor"];
    }

    public static string Outcome(Texts texts, ConsentResult result)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(result);
        var shared = result.Granted == 1 ? texts.Format("consent.sharedOne", result.ClinicianName) : texts.Format("consent.sharedMany", result.ClinicianName, result.Granted);
        return result.AlreadyShared == 0 ? shared : shared + " " + texts.Format("consent.already", result.AlreadyShared);
    }

    /// <summary>The problem screen for a failed grant.</summary>
    public static CardProblemKind ProblemOf(Exception exception) => exception switch
    {
        CardRemovedException or MedBlocks.SmartCards.Desfire.DesfireProtocolException or OperationCanceledException or TimeoutException => CardProblemKind.CardPulled,
        DifferentCardException => CardProblemKind.DifferentCard,
        PatientCardException card => Cards.CardTapProcessor.KindOf(card.Error),
        CardSharingIncompleteException incomplete when incomplete.InnerException is { } inner => ProblemOf(inner) is var kind && kind == CardProblemKind.Unreadable ? CardProblemKind.ConsentFailed : kind,
        _ when LedgerFailures.IsUnreachable(exception) => CardProblemKind.LedgerUnreachable,
        _ => CardProblemKind.ConsentFailed,
    };
}
