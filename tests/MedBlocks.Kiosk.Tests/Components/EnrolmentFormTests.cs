using Bunit;
using MedBlocks.Kiosk.Components.Shared;
using MedBlocks.Kiosk.Enrolment;
using MedBlocks.Kiosk.Localization;
using MedBlocks.Kiosk.Tests.CheckIn;
using Microsoft.Extensions.DependencyInjection;

namespace MedBlocks.Kiosk.Tests.Components;

public sealed class EnrolmentFormTests : IDisposable
{
    private readonly KioskTestKit kit = new();
    private readonly BunitContext context = new();

    public EnrolmentFormTests() => context.Services.AddSingleton<TimeProvider>(kit.Time);

    [Fact]
    public void Submit_Empty_ShowsEveryProblemAndMarksFields_DoesNotContinue()
    {
        var continued = false;
        var form = context.Render<EnrolmentForm>(p => p
            .Add(c => c.T, Texts.English)
            .Add(c => c.Details, new EnrolmentDetails())
            .Add(c => c.OnValid, (EnrolmentDetails _) => continued = true));

        form.Find("form").Submit();

        var errors = form.FindAll("#form-errors li").Select(li => li.TextContent).ToList();
        Assert.Equal(
            ["Enter the patient's full name.", "Enter the date of birth.", "Choose the patient's sex.", "Choose \"No known allergies\" or list the allergies."],
            errors);
        Assert.Equal("true", form.Find("#f-name").GetAttribute("aria-invalid"));
        Assert.Equal("true", form.Find("#f-allergy-choice").GetAttribute("aria-invalid"));
        Assert.Null(form.Find("#f-resus").GetAttribute("aria-invalid"));
        Assert.False(continued);
    }

    [Fact]
    public void Submit_Filled_WithNoKnownAllergies_Continues()
    {
        EnrolmentDetails? continued = null;
        var form = context.Render<EnrolmentForm>(p => p
            .Add(c => c.T, Texts.French)
            .Add(c => c.Details, new EnrolmentDetails())
            .Add(c => c.OnValid, (EnrolmentDetails d) => continued = d));

        form.Find("#f-name").Change("Noah Berg");
        form.Find("#f-birth").Change("2011-01-15");
        form.Find("#f-sex").Change("male");
        form.Find("form").Submit();
        Assert.Equal(["Choisissez « Aucune allergie connue » ou listez les allergies."], form.FindAll("#form-errors li").Select(li => li.TextContent));
        Assert.Null(continued);

        form.Find("#f-allergies-none").Change(true);
        form.Find("form").Submit();

        Assert.NotNull(continued);
        Assert.Equal(EnrolmentDetails.AllergiesNoneKnown, continued.AllergyChoice);
        Assert.Empty(form.FindAll("#form-errors"));
    }

    public void Dispose()
    {
        context.Dispose();
        kit.Dispose();
    }
}
