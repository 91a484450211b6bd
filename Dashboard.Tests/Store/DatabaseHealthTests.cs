using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Store;

public sealed class DatabaseHealthTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Healthz_reports_the_provider_and_that_the_database_answers_without_its_connection_string(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using var app = new FlowgateApp(database);

        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(provider.ToString(), body.GetProperty("database").GetProperty("provider").GetString());
        Assert.True(body.GetProperty("database").GetProperty("reachable").GetBoolean());
        Assert.DoesNotContain("Password", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
