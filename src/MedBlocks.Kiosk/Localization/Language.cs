namespace MedBlocks.Kiosk.Localization;

public enum Language
{
    English,
    French,
}
