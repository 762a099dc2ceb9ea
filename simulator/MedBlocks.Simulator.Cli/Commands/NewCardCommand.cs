using System.CommandLine;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;

namespace MedBlocks.Simulator.Cli.Commands;

/// <summary><c>new --size 2k|4k|8k [--uid HEX] -o CARD_IMAGE</c>: mints a factory-fresh card image.</summary>
internal static class NewCardCommand
{
    public static Command Build(SimulatorCliApplication application)
    {
        var size = new Option<string>("--size") { Description = "EEPROM size of the card.", DefaultValueFactory = _ => "4k" };
        size.AcceptOnlyFromAmong("2k", "4k", "8k");
        var uid = new Option<string?>("--uid") { Description = "7-byte UID in hex (default: random, first byte 04)." };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the card image.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing image." };
        var command = new Command("new", "Mint a blank DESFire EV1 card image (PICC key DES zeros, no applications).") { size, uid, output, force };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(output)!;
            if (File.Exists(path) && !parseResult.GetValue(force))
            {
                throw new IOException($"'{path}' exists; pass --force to replace it.");
            }

            var uidBytes = ParseUid(parseResult.GetValue(uid));
            var state = CardImage.NewBlank(ParseSize(parseResult.GetValue(size)!), uidBytes);
            CardImage.Save(state, path);
            await application.Output.WriteLineAsync($"{Convert.ToHexString(state.Uid)} {(int)state.Storage} bytes -> {path}".AsMemory(), cancellationToken);
            return SimulatorCliApplication.Success;
        });
        return command;
    }

    internal static DesfireStorageSize ParseSize(string size) => size switch
    {
        "2k" => DesfireStorageSize.TwoKilobytes,
        "4k" => DesfireStorageSize.FourKilobytes,
        "8k" => DesfireStorageSize.EightKilobytes,
        _ => throw new ArgumentException($"Card size '{size}' is not 2k, 4k or 8k."),
    };

    private static byte[] ParseUid(string? hex)
    {
        if (string.IsNullOrEmpty(hex))
        {
            return [];
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"UID '{hex}' is not hexadecimal.");
        }

        return bytes.Length == 7 ? bytes : throw new ArgumentException($"A DESFire EV1 UID is 7 bytes (14 hex digits); got {bytes.Length}.");
    }
}
