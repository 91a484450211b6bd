namespace Flowgate.Runtime.Store;

/// <summary>
/// The <c>DataProtection</c> section: the certificate that encrypts the Data Protection key ring
/// (stored in the database). Instances sharing a database must share this certificate.
/// </summary>
public sealed class KeyEncryptionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PFX file. Empty: one is generated on first start under <c>data/keys/</c> (development default).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PFX password, from an environment variable or a secret store, never from the committed file.</summary>
    public string? CertificatePassword { get; set; }
}
