using System.Net;
using System.Net.Http;
using System.Net.Security;

namespace Integrations.Clients
{
    public static class HttpClientFactory
    {
        public static HttpClient CreateInsecure()
        {
            var handler = new HttpClientHandler();
            // ruleid: cs-tls-validation-disabled
            handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true;
            return new HttpClient(handler);
        }

        public static HttpClient CreateDangerous()
        {
            var handler = new HttpClientHandler
            {
                // ruleid: cs-tls-validation-disabled
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            };
            return new HttpClient(handler);
        }

        public static void TrustEverything()
        {
            // ruleid: cs-tls-validation-disabled
            ServicePointManager.ServerCertificateValidationCallback += delegate { return true; };
        }

        public static HttpClient CreateChecked()
        {
            var handler = new HttpClientHandler();
            // ok: cs-tls-validation-disabled
            handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None;
            return new HttpClient(handler);
        }
    }
}
