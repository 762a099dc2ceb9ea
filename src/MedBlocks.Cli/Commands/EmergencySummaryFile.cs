using MedBlocks.Cli.Hosting;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Cli.Commands;

/// <summary>
/// An emergency summary JSON file (the card profile's format 2, <see cref="EmergencySummaryJson"/>) signed with the
/// key file of the participant it names as author.
/// </summary>
internal static class EmergencySummaryFile
{
    /// <summary>Reads and checks the file, then signs it with the session's key file (<c>--key</c>).</summary>
    /// <exception cref="CliException">The file is absent, or its author is not the key file's participant.</exception>
    /// <exception cref="PatientCardException">CorruptContent: the file is not a summary in the profile's format.</exception>
    public static async Task<byte[]> SignAsync(string path, CliSession session, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new CliException($"The emergency summary file {fullPath} does not exist.", ExitCodes.NotFound);
        }

        var parsed = EmergencySummaryJson.Parse(await File.ReadAllBytesAsync(fullPath, cancellationToken));
        using var author = session.OpenParticipant();
        if (!string.Equals(parsed.Author, author.Address, StringComparison.Ordinal))
        {
            throw new CliException($"The summary's author is {parsed.Author}; sign it with that author's key file (--key), not {author.Address}.", ExitCodes.Denied);
        }

        return parsed.Sign(author);
    }
}
