using QRCoder;

namespace Flowgate.Dashboard.Login.Mfa;

/// <summary>The enrolment QR code as an inline PNG: no extra request, nothing about the key leaves the page.</summary>
internal static class OtpQrCode
{
    public static string DataUri(string keyUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(keyUri, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
