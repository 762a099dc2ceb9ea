using System.CommandLine;
using System.Text.Json;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Cli.Hosting;

/// <summary>The options every <c>card</c> command shares, and what they open: the card, the network master keys, the station.</summary>
internal sealed class CardCommandContext
{
    public const string KeysFileName = "card-keys.json";

    private static readonly JsonSerializerOptions KeyFileJson = new() { PropertyNameCaseInsensitive = true, AllowTrailingCommas = false, ReadCommentHandling = JsonCommentHandling.Skip };

    public Option<string?> Image { get; } = new("--image")
    {
        Description = "A simulator card image file (created blank when personalising and absent; saved after the command).",
        Recursive = true,
    };

    public Option<string?> Reader { get; } = new("--reader")
    {
        Description = "A PC/SC reader name, as pcsc_scan or 'medblocks-sim' lists it.",
        Recursive = true,
    };

    public Option<string?> Keys { get; } = new("--card-keys")
    {
        Description = $"JSON file of the network master keys this station holds (piccMaster, applicationMaster, write, read, emergency; 32 hex digits each). Default: {KeysFileName} in the home folder.",
        Recursive = true,
    };

    public Option<string> Station { get; } = new("--station")
    {
        Description = "This station's name or address, hashed into the card's access log.",
        DefaultValueFactory = _ => "medblocks-cli",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Image);
        command.Options.Add(Reader);
        command.Options.Add(Keys);
        command.Options.Add(Station);
    }

    public CardTarget OpenCard(ParseResult parse, bool allowNew = false) => CardTarget.Open(parse.GetValue(Image), parse.GetValue(Reader), allowNew);

    public StationIdentity StationFor(ParseResult parse, StationRole role) => new(parse.GetValue(Station)!, role);

    /// <summary>The wrong-PIN limit of this station's cards, kept in the home folder so its delays hold across runs.</summary>
    public static PinAttemptLimiter PinLimiter(CliSession session) =>
        new(session.TimeProvider, store: new PinAttemptFile(session.Workspace.PinAttemptsPath));

    /// <summary>The master keys file: only the roles present in it are available to this station.</summary>
    public ConfigurationKeyProvider OpenKeys(ParseResult parse, CliSession session)
    {
        var path = parse.GetValue(Keys) is { Length: > 0 } given ? Path.GetFullPath(given) : Path.Combine(session.Workspace.Home, KeysFileName);
        if (!File.Exists(path))
        {
            throw new CliException($"No card master keys at {path}; give --card-keys FILE.", ExitCodes.NotFound);
        }

        CardKeyOptions options;
        try
        {
            options = JsonSerializer.Deserialize<CardKeyOptions>(File.ReadAllText(path), KeyFileJson)
                ?? throw new CliException($"{path} is empty.", ExitCodes.Usage);
        }
        catch (JsonException e)
        {
            throw new CliException($"{path} is not a card master keys file: {e.Message}", ExitCodes.Usage);
        }

        try
        {
            return new ConfigurationKeyProvider(options);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"{path}: {e.Message}", ExitCodes.Usage);
        }
    }
}
