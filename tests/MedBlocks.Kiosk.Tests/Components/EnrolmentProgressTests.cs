using Bunit;
using MedBlocks.Kiosk.Components.Shared;
using MedBlocks.Kiosk.Enrolment;
using MedBlocks.Kiosk.Localization;

namespace MedBlocks.Kiosk.Tests.Components;

public sealed class EnrolmentProgressTests : IDisposable
{
    private readonly BunitContext context = new();

    [Fact]
    public void Steps_EarlierDone_LatestCurrent()
    {
        var progress = context.Render<EnrolmentProgress>(p => p
            .Add(c => c.T, Texts.English)
            .Add(c => c.Steps, [EnrolmentStep.CheckingCard, EnrolmentStep.SecuringPicc, EnrolmentStep.GeneratingKeys]));

        var items = progress.FindAll("li");
        Assert.Equal(["done", "done", "current"], items.Select(li => li.ClassName));
        Assert.Equal("step", items[2].GetAttribute("aria-current"));
        Assert.Contains("Generating the patient's keys", items[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Done_EveryStepDone()
    {
        var progress = context.Render<EnrolmentProgress>(p => p
            .Add(c => c.T, Texts.English)
            .Add(c => c.Steps, [EnrolmentStep.CheckingCard, EnrolmentStep.VerifyingCheckIn, EnrolmentStep.Done]));

        Assert.All(progress.FindAll("li"), li => Assert.Equal("done", li.ClassName));
        Assert.Empty(progress.FindAll("[aria-current]"));
    }

    [Fact]
    public void EveryStep_HasTextInEveryLanguage()
    {
        foreach (var texts in new[] { Texts.English, Texts.French })
        {
            foreach (var step in Enum.GetValues<EnrolmentStep>())
            {
                Assert.NotEqual("enrol.step." + step, texts["enrol.step." + step]);
            }

            foreach (var problem in Enum.GetValues<EnrolmentProblem>())
            {
                Assert.NotEqual("enrol.problem." + problem, texts["enrol.problem." + problem]);
            }
        }
    }

    public void Dispose() => context.Dispose();
}
