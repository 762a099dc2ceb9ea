using MedBlocks.Simulator.Desfire;

namespace MedBlocks.Simulator.Tests.Support;

/// <summary>Hands out scripted byte strings in order, then a deterministic counter pattern.</summary>
internal sealed class FixedRandomSource : ICardRandomSource
{
    private readonly Queue<byte[]> _scripted = new();
    private byte _counter = 0x10;

    public FixedRandomSource(params string[] hexValues)
    {
        foreach (var hex in hexValues)
        {
            _scripted.Enqueue(Hex.Bytes(hex));
        }
    }

    public void Enqueue(string hex) => _scripted.Enqueue(Hex.Bytes(hex));

    public void Fill(Span<byte> destination)
    {
        if (_scripted.Count > 0 && _scripted.Peek().Length == destination.Length)
        {
            _scripted.Dequeue().CopyTo(destination);
            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = _counter++;
        }
    }
}
