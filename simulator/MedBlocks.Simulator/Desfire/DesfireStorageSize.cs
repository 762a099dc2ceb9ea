namespace MedBlocks.Simulator.Desfire;

/// <summary>EEPROM size of a DESFire EV1 card.</summary>
public enum DesfireStorageSize
{
    TwoKilobytes = 2048,
    FourKilobytes = 4096,
    EightKilobytes = 8192,
}
