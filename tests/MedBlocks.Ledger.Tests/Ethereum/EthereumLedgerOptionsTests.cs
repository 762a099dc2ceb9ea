using MedBlocks.Core.Ledger;
using MedBlocks.Ledger.Ethereum;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MedBlocks.Ledger.Tests.Ethereum;

/// <summary>Options validation and the configuration switch between the embedded and the Ethereum ledger.</summary>
public sealed class EthereumLedgerOptionsTests : IDisposable
{
    private const string Key = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private readonly TempLedgerFile index = new();

    public void Dispose() => index.Dispose();

    [Fact]
    public void Validate_GoodOptions_Pass()
    {
        Assert.True(new EthereumLedgerOptionsValidator().Validate(null, Valid()).Succeeded);
        Assert.True(new EthereumLedgerOptionsValidator().Validate(null, Valid(o => o.AccountKey = null)).Succeeded);
    }

    [Theory]
    [InlineData("NodeUrl")]
    [InlineData("NodeUrlScheme")]
    [InlineData("ChainId")]
    [InlineData("ContractAddress")]
    [InlineData("AccountKey")]
    [InlineData("Confirmations")]
    [InlineData("IndexPath")]
    [InlineData("PollInterval")]
    [InlineData("RequestTimeout")]
    [InlineData("ConfirmationTimeout")]
    [InlineData("LogBlockRange")]
    public void Validate_BadOption_FailsNamingIt(string option)
    {
        var options = Valid(o =>
        {
            switch (option)
            {
                case "NodeUrl": o.NodeUrl = null; break;
                case "NodeUrlScheme": o.NodeUrl = new Uri("ftp://127.0.0.1:8545"); break;
                case "ChainId": o.ChainId = 0; break;
                case "ContractAddress": o.ContractAddress = "0x1234"; break;
                case "AccountKey": o.AccountKey = "0xnotakey"; break;
                case "Confirmations": o.Confirmations = -1; break;
                case "IndexPath": o.IndexPath = "/nonexistent-medblocks-dir/index.db"; break;
                case "PollInterval": o.PollInterval = TimeSpan.Zero; break;
                case "RequestTimeout": o.RequestTimeout = TimeSpan.FromHours(1); break;
                case "ConfirmationTimeout": o.ConfirmationTimeout = TimeSpan.Zero; break;
                case "LogBlockRange": o.LogBlockRange = 0; break;
            }
        });

        var result = new EthereumLedgerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var prefix = option == "NodeUrlScheme" ? "NodeUrl" : option == "IndexPath" ? "The index" : option;
        Assert.Contains(result.Failures!, f => f.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new EthereumLedger(options));
    }

    [Fact]
    public void ToStringAndErrors_NeverShowTheAccountKey()
    {
        var options = Valid();
        Assert.DoesNotContain(Key[2..], options.ToString(), StringComparison.OrdinalIgnoreCase);
        var bad = Valid(o => o.AccountKey = Key + "00");
        var error = Assert.Throws<ArgumentException>(() => new EthereumLedger(bad));
        Assert.DoesNotContain(Key[2..], error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AddConfiguredLedger_Ethereum_ResolvesTheEthereumLedger()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["Ledger:Backend"] = "Ethereum",
            ["Ledger:Ethereum:NodeUrl"] = "http://127.0.0.1:8545",
            ["Ledger:Ethereum:ChainId"] = "31337",
            ["Ledger:Ethereum:ContractAddress"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            ["Ledger:Ethereum:IndexPath"] = index.Path,
            ["Ledger:Ethereum:Confirmations"] = "4",
        });

        var ledger = host.Services.GetRequiredService<ILedger>();

        Assert.IsType<EthereumLedger>(ledger);
        Assert.Equal(4, host.Services.GetRequiredService<IOptions<EthereumLedgerOptions>>().Value.Confirmations);
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is EthereumLedgerFollower);
        Assert.Null(((EthereumLedger)ledger).StationAddress);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task AddConfiguredLedger_InvalidEthereumOptions_FailAtStart()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["Ledger:Backend"] = "Ethereum",
            ["Ledger:Ethereum:NodeUrl"] = "http://127.0.0.1:8545",
            ["Ledger:Ethereum:ChainId"] = "31337",
            ["Ledger:Ethereum:ContractAddress"] = "not an address",
            ["Ledger:Ethereum:IndexPath"] = index.Path,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("ContractAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConfiguredLedger_SqliteOrDefault_ResolvesTheEmbeddedLedger()
    {
        using var host = Build(new Dictionary<string, string?> { ["Ledger:Sqlite:Path"] = index.Path });
        Assert.IsType<SqliteLedger>(host.Services.GetRequiredService<ILedger>());
        Assert.Throws<InvalidOperationException>(() => Build(new Dictionary<string, string?> { ["Ledger:Backend"] = "Paper" }));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddConfiguredLedger(builder.Configuration);
        return builder.Build();
    }

    private EthereumLedgerOptions Valid(Action<EthereumLedgerOptions>? change = null)
    {
        var options = new EthereumLedgerOptions
        {
            NodeUrl = new Uri("http://127.0.0.1:8545"),
            ChainId = 31337,
            ContractAddress = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            AccountKey = Key,
            IndexPath = index.Path,
        };
        change?.Invoke(options);
        return options;
    }
}
