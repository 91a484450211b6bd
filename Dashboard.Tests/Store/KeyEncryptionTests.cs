using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Store;

public sealed class KeyEncryptionTests
{
    [Fact]
    public async Task The_data_protection_key_ring_in_the_database_is_encrypted_with_the_certificate()
    {
        using var app = new FlowgateApp();
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var ciphertext = protector.Protect("s3cr3t-value");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        var xml = Assert.Single(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.Contains("EncryptedData", xml);
        Assert.DoesNotContain("<masterKey", xml);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "keys", "key-encryption.pfx")));
        Assert.Equal("s3cr3t-value", protector.Unprotect(ciphertext));
    }
}
