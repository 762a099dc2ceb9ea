using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using MedBlocks.Kiosk.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MedBlocks.Kiosk.Staff;

/// <summary>HTTP Basic sign-in for the staff pages against the station's configured staff password (user "staff").</summary>
public sealed class StaffBasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<KioskOptions> kiosk) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "StaffBasic";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(header.Parameter);
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("Malformed credentials."));
        }

        var expected = Encoding.UTF8.GetBytes("staff:" + kiosk.Value.StaffPassword);
        var ok = CryptographicOperations.FixedTimeEquals(SHA256.HashData(decoded), SHA256.HashData(expected));
        CryptographicOperations.ZeroMemory(decoded);
        if (!ok)
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong staff credentials."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "staff")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"MedBlocks staff\", charset=\"UTF-8\"";
        return base.HandleChallengeAsync(properties);
    }
}
