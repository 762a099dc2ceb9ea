namespace MedBlocks.Core.Records;

/// <summary>Base of the errors a record store reports; the message names the CID.</summary>
public class RecordStoreException : Exception
{
    public RecordStoreException(string message)
        : base(message)
    {
    }

    public RecordStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RecordStoreException()
    {
    }
}

/// <summary>Nothing is stored under the requested address.</summary>
public sealed class RecordNotFoundException : RecordStoreException
{
    public RecordNotFoundException(string cid)
        : base($"No record is stored under {cid}.")
    {
        Cid = cid;
    }

    public RecordNotFoundException()
    {
        Cid = string.Empty;
    }

    public RecordNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        Cid = string.Empty;
    }

    public string Cid { get; }
}

/// <summary>Stored bytes do not hash to the address they were asked for under.</summary>
public sealed class RecordIntegrityException : RecordStoreException
{
    public RecordIntegrityException(string cid, string detail)
        : base($"Record {cid} failed its integrity check: {detail}")
    {
        Cid = cid;
    }

    public RecordIntegrityException()
    {
        Cid = string.Empty;
    }

    public RecordIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
        Cid = string.Empty;
    }

    public string Cid { get; }
}
