namespace MedBlocks.Kiosk.Options;

/// <summary>Where cards come from: the in-process simulated reader (with an on-screen panel) or PC/SC readers.</summary>
public enum ReaderMode
{
    Simulated,
    Pcsc,
}
