using System.Globalization;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Cli.Commands;

/// <summary>The emergency summary as lines for a terminal: critical sections first, "none known" and "not recorded" kept apart.</summary>
internal static class EmergencySummaryText
{
    public static IEnumerable<string> Lines(EmergencySummary summary)
    {
        yield return "Allergies:     " + Section(summary.AllergiesNoneKnown, summary.Allergies.Select(a => a.Substance + (a.Reaction is null ? string.Empty : $" ({a.Reaction})") + (a.Criticality == AllergyCriticality.High ? " HIGH RISK" : string.Empty)));
        yield return "Medications:   " + Section(summary.MedicationsNoneKnown, summary.Medications.Select(m => $"{m.Name} {m.Dose}"));
        yield return "Problems:      " + Section(summary.ProblemsNoneKnown, summary.Problems);
        yield return "Devices:       " + Section(summary.DevicesNoneKnown, summary.Devices);
        yield return "Resuscitation: " + summary.Resuscitation switch
        {
            ResuscitationStatus.FullResuscitation => "full resuscitation",
            ResuscitationStatus.DoNotResuscitate => "DO NOT RESUSCITATE",
            _ => "not recorded",
        };
        if (summary.AdvanceDirective is { } directive)
        {
            yield return "Directive:     " + directive;
        }

        yield return "Pregnancy:     " + summary.Pregnancy;
        yield return "Organ donor:   " + summary.OrganDonation;
        if (summary.BloodGroup is { } group)
        {
            yield return $"Blood group:   {group} ({EmergencySummary.BloodGroupNotice})";
        }

        foreach (var contact in summary.Contacts)
        {
            yield return $"Contact:       {contact.Name} ({contact.Relation}) {contact.Phone}";
        }

        yield return $"Signed by {summary.Author} on {summary.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: signature valid.";
    }

    private static string Section(bool noneKnown, IEnumerable<string> items)
    {
        var list = items.ToList();
        return noneKnown ? "none known" : list.Count == 0 ? "not recorded" : string.Join("; ", list);
    }
}
