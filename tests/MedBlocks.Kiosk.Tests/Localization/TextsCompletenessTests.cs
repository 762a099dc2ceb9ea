using MedBlocks.Kiosk.Localization;

namespace MedBlocks.Kiosk.Tests.Localization;

public sealed class TextsCompletenessTests
{
    [Fact]
    public void EveryLanguage_HasEveryKey()
    {
        var english = Texts.English.Keys.ToHashSet(StringComparer.Ordinal);
        var french = Texts.French.Keys.ToHashSet(StringComparer.Ordinal);

        Assert.Empty(english.Except(french));
        Assert.Empty(french.Except(english));
    }

    [Fact]
    public void EmergencyStation_SaysEachRecordStateInEachLanguage()
    {
        foreach (var texts in new[] { Texts.English, Texts.French })
        {
            Assert.All(Enum.GetValues<MedBlocks.Kiosk.Emergency.EmergencyRecordState>().Where(s => s != MedBlocks.Kiosk.Emergency.EmergencyRecordState.Shown),
                state => Assert.NotEqual("er." + state, texts["er." + state]));
        }
    }
}
