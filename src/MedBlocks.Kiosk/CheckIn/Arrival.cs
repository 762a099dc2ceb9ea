namespace MedBlocks.Kiosk.CheckIn;

/// <summary>One confirmed arrival: ticket number, time, masked name (as the room saw it) and ledger address.</summary>
public sealed record Arrival(int Ticket, DateTimeOffset Time, string MaskedName, int BirthYear, string Address);
