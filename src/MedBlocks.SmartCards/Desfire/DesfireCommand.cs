namespace MedBlocks.SmartCards.Desfire;

/// <summary>DESFire native command codes (the INS byte under CLA 90).</summary>
internal static class DesfireCommand
{
    public const byte AuthenticateLegacy = 0x0A;
    public const byte AuthenticateIso = 0x1A;
    public const byte AuthenticateAes = 0xAA;
    public const byte AuthenticateEv2First = 0x71;
    public const byte AdditionalFrame = 0xAF;
    public const byte GetVersion = 0x60;
    public const byte GetCardUid = 0x51;
    public const byte FreeMemory = 0x6E;
    public const byte SetConfiguration = 0x5C;
    public const byte SelectApplication = 0x5A;
    public const byte GetApplicationIds = 0x6A;
    public const byte CreateApplication = 0xCA;
    public const byte DeleteApplication = 0xDA;
    public const byte FormatPicc = 0xFC;
    public const byte GetKeySettings = 0x45;
    public const byte ChangeKeySettings = 0x54;
    public const byte ChangeKey = 0xC4;
    public const byte GetKeyVersion = 0x64;
    public const byte GetFileIds = 0x6F;
    public const byte GetFileSettings = 0xF5;
    public const byte DeleteFile = 0xDF;
    public const byte CreateStdDataFile = 0xCD;
    public const byte CreateBackupDataFile = 0xCB;
    public const byte CreateLinearRecordFile = 0xC1;
    public const byte CreateCyclicRecordFile = 0xC0;
    public const byte ReadData = 0xBD;
    public const byte WriteData = 0x3D;
    public const byte ReadRecords = 0xBB;
    public const byte WriteRecord = 0x3B;
    public const byte CommitTransaction = 0xC7;
    public const byte AbortTransaction = 0xA7;
}
