using System.CommandLine;
using System.Globalization;
using System.Text;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;

namespace MedBlocks.Simulator.Cli.Commands;

/// <summary><c>info CARD_IMAGE</c>: UID, size, free memory, applications and files; never file contents or keys.</summary>
internal static class InfoCommand
{
    public static Command Build(SimulatorCliApplication application)
    {
        var image = new Argument<string>("CARD_IMAGE") { Description = "The card image." };
        var command = new Command("info", "Describe a card image: UID, size, free memory, applications and files (no contents).") { image };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var state = CardImage.Load(parseResult.GetValue(image)!);
            await application.Output.WriteAsync(Describe(state).AsMemory(), cancellationToken);
            return SimulatorCliApplication.Success;
        });
        return command;
    }

    internal static string Describe(DesfireCardState state)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.Append(culture, $"UID           {Convert.ToHexString(state.Uid)}{(state.RandomUid ? " (random UID enabled)" : string.Empty)}\n");
        text.Append(culture, $"Size          {state.TotalBytes} bytes\n");
        text.Append(culture, $"Free memory   {state.FreeBytes} bytes\n");
        text.Append(culture, $"PICC key      {KeyTypeName(state.PiccKey.Type, state.PiccKey.IsSingleDes)} version {state.PiccKey.Version}, key settings {state.PiccKeySettings:X2}\n");
        var applications = state.GetApplications();
        text.Append(culture, $"Applications  {applications.Count}\n");
        foreach (var application in applications)
        {
            text.Append(culture, $"  {application.Aid:X6}  {KeyTypeName(application.KeyType, false)} keys {application.KeyCount}, key settings {application.KeySettings:X2}\n");
            foreach (var file in application.GetFiles().OrderBy(f => f.FileNumber))
            {
                var shape = file.IsRecordFile
                    ? string.Create(culture, $"{file.RecordCapacity} records of {file.RecordSize} bytes")
                    : string.Create(culture, $"{file.Size} bytes");
                text.Append(culture, $"    file {file.FileNumber:X2}  {FileTypeName(file.Type)}, {CommName(file.Communication)}, access {file.AccessRights.Value:X4}, {shape}\n");
            }
        }

        return text.ToString();
    }

    private static string KeyTypeName(DesfireKeyType type, bool singleDes) => type switch
    {
        DesfireKeyType.Aes => "AES",
        DesfireKeyType.ThreeKeyTripleDes => "3K3DES",
        _ => singleDes ? "DES" : "2K3DES",
    };

    private static string FileTypeName(DesfireFileType type) => type switch
    {
        DesfireFileType.StandardData => "standard data",
        DesfireFileType.BackupData => "backup data",
        DesfireFileType.LinearRecord => "linear record",
        DesfireFileType.CyclicRecord => "cyclic record",
        _ => type.ToString(),
    };

    private static string CommName(byte communication) => (communication & 0x03) switch
    {
        0x01 => "MACed",
        0x03 => "enciphered",
        _ => "plain",
    };
}
