namespace MedBlocks.Pcsc.Monitoring;

public enum ReaderEventKind
{
    ReaderAttached,
    ReaderDetached,
    CardInserted,
    CardRemoved,
}
