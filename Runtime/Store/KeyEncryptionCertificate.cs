using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Flowgate.Runtime.Store;

/// <summary>
/// Loads the certificate that encrypts the Data Protection key ring at rest, so a copy of the
/// database alone does not reveal Action secrets or signing keys. Without a configured one, a
/// self-signed certificate is generated under the data directory on first start.
/// </summary>
internal static class KeyEncryptionCertificate
{
    public static X509Certificate2 Load(KeyEncryptionOptions options, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
            return X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);

        var path = Path.Combine(dataDirectory, "keys", "key-encryption.pfx");
        if (!File.Exists(path))
            Generate(path);
        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
    }

    private static void Generate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Flowgate key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(50));
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pkcs12));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // Another process may have raced us here; the first certificate written wins.
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
