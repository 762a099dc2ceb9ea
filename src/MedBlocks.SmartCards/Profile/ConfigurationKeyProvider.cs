using System.Security.Cryptography;
using System.Text;
using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// <see cref="IKeyProvider"/> over masters from configuration (<see cref="CardKeyOptions"/>). Each
/// configured master must be 16 bytes of hex, and all configured masters distinct.
/// Diversification input: <c>UID(7) ‖ AID(3, wire order) ‖ "MedBlocks"</c>; the PICC key uses AID 000000.
/// </summary>
public sealed class ConfigurationKeyProvider : IKeyProvider, IDisposable
{
    private static readonly byte[] SystemIdentifier = Encoding.ASCII.GetBytes(PatientCardProfile.SystemIdentifier);
    private readonly Dictionary<CardKeyRole, DesfireKey> _masters = [];

    /// <exception cref="ArgumentException">A master is not 32 hex digits, or two masters are equal.</exception>
    public ConfigurationKeyProvider(CardKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            foreach (var role in Enum.GetValues<CardKeyRole>())
            {
                var hex = options.Get(role);
                if (hex is null)
                {
                    continue;
                }

                byte[] bytes;
                try
                {
                    bytes = Convert.FromHexString(hex.Trim());
                }
                catch (FormatException e)
                {
                    throw new ArgumentException($"The {role} master key is not hexadecimal.", nameof(options), e);
                }

                try
                {
                    if (bytes.Length != 16)
                    {
                        throw new ArgumentException($"The {role} master key must be 16 bytes (32 hex digits); got {bytes.Length}.", nameof(options));
                    }

                    if (_masters.Values.Any(k => CryptographicOperations.FixedTimeEquals(k.Bytes, bytes)))
                    {
                        throw new ArgumentException($"The {role} master key equals another role's master; every role needs its own.", nameof(options));
                    }

                    _masters[role] = DesfireKey.Aes(bytes, PatientCardProfile.KeyVersion);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(bytes);
                }
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public bool Holds(CardKeyRole role) => _masters.ContainsKey(role);

    public ValueTask<DesfireKey> GetPiccMasterKeyAsync(ReadOnlyMemory<byte> uid, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Diversify(CardKeyRole.PiccMaster, uid.Span, DesfireAid.Picc));

    public ValueTask<DesfireKey> GetApplicationKeyAsync(CardKeyRole role, ReadOnlyMemory<byte> uid, CancellationToken cancellationToken = default)
    {
        if (role == CardKeyRole.PiccMaster)
        {
            throw new ArgumentException("The PICC master is not an application key; use GetPiccMasterKeyAsync.", nameof(role));
        }

        return ValueTask.FromResult(Diversify(role, uid.Span, PatientCardProfile.Application));
    }

    public void Dispose()
    {
        foreach (var key in _masters.Values)
        {
            key.Dispose();
        }

        _masters.Clear();
    }

    private DesfireKey Diversify(CardKeyRole role, ReadOnlySpan<byte> uid, DesfireAid aid)
    {
        if (uid.Length != 7)
        {
            throw new ArgumentException($"A DESFire UID is 7 bytes; got {uid.Length}.", nameof(uid));
        }

        if (!_masters.TryGetValue(role, out var master))
        {
            throw new MissingMasterKeyException(role);
        }

        return An10922KeyDiversifier.Diversify(master, uid, aid, SystemIdentifier);
    }
}
