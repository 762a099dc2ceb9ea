using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using MedBlocks.Kiosk.CheckIn;

namespace MedBlocks.Kiosk.Staff;

/// <summary>The staff list of today's arrivals (server-rendered HTML, behind staff sign-in).</summary>
public static class ArrivalsPage
{
    public static string Render(IReadOnlyList<Arrival> arrivals)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Arrivals today</title>")
            .Append("<link rel=\"stylesheet\" href=\"/kiosk.css\"></head><body class=\"staff\"><main><h1>Arrivals today</h1>");
        if (arrivals.Count == 0)
        {
            html.Append("<p id=\"no-arrivals\">No arrivals yet today.</p>");
        }
        else
        {
            html.Append("<table id=\"arrivals\"><caption>Confirmed check-ins, oldest first</caption><thead><tr><th scope=\"col\">Ticket</th><th scope=\"col\">Time (UTC)</th><th scope=\"col\">Patient</th><th scope=\"col\">Born</th><th scope=\"col\">Ledger address</th></tr></thead><tbody>");
            foreach (var a in arrivals)
            {
                html.Append("<tr><td>").Append(a.Ticket.ToString(CultureInfo.InvariantCulture))
                    .Append("</td><td>").Append(a.Time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture))
                    .Append("</td><td>").Append(HtmlEncoder.Default.Encode(a.MaskedName))
                    .Append("</td><td>").Append(a.BirthYear.ToString(CultureInfo.InvariantCulture))
                    .Append("</td><td><code>").Append(HtmlEncoder.Default.Encode(a.Address)).Append("</code></td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.Append("</main></body></html>").ToString();
    }
}
