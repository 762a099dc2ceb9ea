namespace MedBlocks.Simulator.Desfire;

/// <summary>
/// The DESFire EV1 card operating system: native command frames in, native response frames out.
/// Holds the volatile state (selected application, session, open transaction, frame chaining) over a
/// <see cref="DesfireCardState"/> that holds what survives power loss.
/// </summary>
public sealed partial class DesfireCardModel
{
    /// <summary>Data bytes per response frame (a 64-byte frame less PCB, status and CRC).</summary>
    public const int MaxResponseFrameData = 59;

    private const byte AdditionalFrame = 0xAF;

    private readonly ICardRandomSource _random;
    private readonly Dictionary<byte, PendingFileChange> _transaction = [];
    private readonly Queue<DesfireFrameResponse> _outputFrames = new();
    private DesfireApplication? _selected;
    private DesfireCardSession? _session;
    private PendingAuthentication? _pendingAuth;
    private byte[]? _inputBuffer;
    private int _inputExpected;

    public DesfireCardModel(DesfireCardState state, ICardRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        State = state;
        _random = random ?? SystemCardRandomSource.Instance;
    }

    public DesfireCardState State { get; }

    /// <summary>The key number of the current session, or null when not authenticated.</summary>
    public int? AuthenticatedKeyNumber => _session?.KeyNumber;

    /// <summary>The selected application's AID; 0 for the PICC level.</summary>
    public uint SelectedApplication => _selected?.Aid ?? 0;

    /// <summary>Whether uncommitted backup or record file changes are pending.</summary>
    public bool HasOpenTransaction => _transaction.Count > 0;

    /// <summary>Loses all volatile state, as on power loss: uncommitted changes roll back, the PICC level is selected.</summary>
    public void Reset()
    {
        _transaction.Clear();
        DropSession();
        _pendingAuth = null;
        _selected = null;
        _outputFrames.Clear();
        _inputBuffer = null;
    }

    /// <summary>Processes one native frame (command code followed by its data).</summary>
    public DesfireFrameResponse Process(ReadOnlySpan<byte> frame)
    {
        if (frame.IsEmpty)
        {
            return Fail(DesfireStatus.LengthError);
        }

        if (frame[0] == AdditionalFrame)
        {
            return ContinueChain(frame);
        }

        // A new command abandons whatever chain or authentication was in progress.
        _outputFrames.Clear();
        _inputBuffer = null;
        _pendingAuth = null;

        var expected = ExpectedCommandLength(frame);
        if (expected > frame.Length)
        {
            _inputBuffer = frame.ToArray();
            _inputExpected = expected;
            return new DesfireFrameResponse(DesfireStatus.AdditionalFrame, []);
        }

        return Execute(frame);
    }

    private DesfireFrameResponse ContinueChain(ReadOnlySpan<byte> frame)
    {
        if (_inputBuffer is not null)
        {
            var combined = new byte[_inputBuffer.Length + frame.Length - 1];
            _inputBuffer.CopyTo(combined, 0);
            frame[1..].CopyTo(combined.AsSpan(_inputBuffer.Length));
            if (combined.Length < _inputExpected)
            {
                _inputBuffer = combined;
                return new DesfireFrameResponse(DesfireStatus.AdditionalFrame, []);
            }

            _inputBuffer = null;
            return combined.Length > _inputExpected ? Fail(DesfireStatus.LengthError) : Execute(combined);
        }

        if (_outputFrames.Count > 0)
        {
            return _outputFrames.Dequeue();
        }

        if (_pendingAuth is not null)
        {
            var pending = _pendingAuth;
            var token = frame.ToArray();
            _pendingAuth = null;
            return Run(() => FinishAuthentication(pending, token));
        }

        return Fail(DesfireStatus.IllegalCommand);
    }

    private DesfireFrameResponse Execute(ReadOnlySpan<byte> command)
    {
        var copy = command.ToArray();
        return Run(() => Dispatch(copy));
    }

    private DesfireFrameResponse Run(Func<DesfireCommandResult> handler)
    {
        DesfireCommandResult result;
        try
        {
            result = handler();
        }
        catch (DesfireStatusException e)
        {
            return Fail(e.Status);
        }

        if (result.Status == DesfireStatus.AdditionalFrame)
        {
            return new DesfireFrameResponse(DesfireStatus.AdditionalFrame, result.Data);
        }

        var data = _session is null ? result.Data : _session.ProtectResponse(result.Data, result.Protection);
        if (result.EndsSession)
        {
            DropSession();
        }

        return QueueFrames(data, result.LeadingFrames);
    }

    private DesfireFrameResponse QueueFrames(byte[] data, int[]? leadingFrames)
    {
        var frames = new List<byte[]>();
        var offset = 0;
        foreach (var size in leadingFrames ?? [])
        {
            frames.Add(data[offset..(offset + size)]);
            offset += size;
        }

        if (leadingFrames is not null)
        {
            frames.Add(data[offset..]);
        }
        else
        {
            do
            {
                var size = Math.Min(MaxResponseFrameData, data.Length - offset);
                frames.Add(data[offset..(offset + size)]);
                offset += size;
            }
            while (offset < data.Length);
        }

        for (var i = 1; i < frames.Count; i++)
        {
            _outputFrames.Enqueue(new DesfireFrameResponse(
                i == frames.Count - 1 ? DesfireStatus.OperationOk : DesfireStatus.AdditionalFrame, frames[i]));
        }

        return new DesfireFrameResponse(frames.Count > 1 ? DesfireStatus.AdditionalFrame : DesfireStatus.OperationOk, frames[0]);
    }

    // Any error ends the session and, as libfreefare's tests observe on real cards, aborts the transaction.
    private DesfireFrameResponse Fail(DesfireStatus status)
    {
        DropSession();
        _pendingAuth = null;
        _transaction.Clear();
        _outputFrames.Clear();
        _inputBuffer = null;
        return new DesfireFrameResponse(status, []);
    }

    private void DropSession()
    {
        _session?.Wipe();
        _session = null;
    }

    private DesfireCommandResult Dispatch(byte[] command)
    {
        var code = command[0];
        if (_session is not null && !HandlesOwnSecureMessaging(code))
        {
            _session.AcceptPlainCommand(command);
        }

        return code switch
        {
            0x0A => StartAuthentication(command, DesfireAuthScheme.Legacy),
            0x1A => StartAuthentication(command, DesfireAuthScheme.Iso),
            0xAA => StartAuthentication(command, DesfireAuthScheme.Aes),
            0x60 => GetVersion(command),
            0x51 => GetCardUid(command),
            0x6E => FreeMemory(command),
            0xFC => FormatPicc(command),
            0x5C => SetConfiguration(command),
            0x5A => SelectApplication(command),
            0x6A => GetApplicationIds(command),
            0xCA => CreateApplication(command),
            0xDA => DeleteApplication(command),
            0x45 => GetKeySettings(command),
            0x54 => ChangeKeySettings(command),
            0xC4 => ChangeKey(command),
            0x64 => GetKeyVersion(command),
            0x6F => GetFileIds(command),
            0xF5 => GetFileSettings(command),
            0x5F => ChangeFileSettings(command),
            0xCD => CreateDataFile(command, DesfireFileType.StandardData),
            0xCB => CreateDataFile(command, DesfireFileType.BackupData),
            0xC1 => CreateRecordFile(command, DesfireFileType.LinearRecord),
            0xC0 => CreateRecordFile(command, DesfireFileType.CyclicRecord),
            0xDF => DeleteFile(command),
            0xBD => ReadData(command),
            0x3D => WriteData(command),
            0x3B => WriteRecord(command),
            0xBB => ReadRecords(command),
            0xEB => ClearRecordFile(command),
            0xC7 => CommitTransaction(command),
            0xA7 => AbortTransaction(command),

            // Value files, ISO commands, EV2/EV3 commands are not modelled: answered as unknown.
            _ => throw new DesfireStatusException(DesfireStatus.IllegalCommand),
        };
    }

    private static bool HandlesOwnSecureMessaging(byte code) =>
        code is 0x0A or 0x1A or 0xAA or 0x3D or 0x3B or 0xC4 or 0x54 or 0x5C or 0x5F;

    private static void RequireLength(byte[] command, int length)
    {
        if (command.Length != length)
        {
            throw new DesfireStatusException(DesfireStatus.LengthError);
        }
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);

    private static void WriteUInt24(int value, Span<byte> destination)
    {
        destination[0] = (byte)value;
        destination[1] = (byte)(value >> 8);
        destination[2] = (byte)(value >> 16);
    }

    private static byte[] RotateLeft(ReadOnlySpan<byte> value)
    {
        var rotated = new byte[value.Length];
        value[1..].CopyTo(rotated);
        rotated[^1] = value[0];
        return rotated;
    }

    private DesfireApplication RequireApplication() =>
        _selected ?? throw new DesfireStatusException(DesfireStatus.PermissionDenied);

    /// <summary>Whether the session is with the master key (key 0) of the selected level.</summary>
    private bool IsMasterAuthenticated => _session is { KeyNumber: 0 };

    private void RequireMasterOrFlag(byte keySettings, byte flag)
    {
        if ((keySettings & flag) == 0 && !IsMasterAuthenticated)
        {
            throw new DesfireStatusException(DesfireStatus.AuthenticationError);
        }
    }

    private void RequireMaster()
    {
        if (!IsMasterAuthenticated)
        {
            throw new DesfireStatusException(DesfireStatus.AuthenticationError);
        }
    }
}
