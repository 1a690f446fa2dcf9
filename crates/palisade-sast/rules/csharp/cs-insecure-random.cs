using System;
using System.Linq;
using System.Security.Cryptography;

namespace Accounts.Services
{
    public class PasswordResetService
    {
        private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

        public string CreateResetToken()
        {
            // ruleid: cs-insecure-random
            var random = new Random();
            var bytes = new byte[32];
            random.NextBytes(bytes);
            return Convert.ToBase64String(bytes);
        }

        public string GenerateOtp()
        {
            // ruleid: cs-insecure-random
            return Random.Shared.Next(0, 1000000).ToString("D6");
        }

        public string CreateSecureToken()
        {
            // ok: cs-insecure-random
            return Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        }

        public int PickBackoffMilliseconds()
        {
            // ok: cs-insecure-random
            var jitter = new Random();
            return 100 + jitter.Next(0, 50);
        }
    }

    public class TemporaryPasswordGenerator
    {
        // ruleid: cs-insecure-random
        private static readonly Random Rng = new Random(Environment.TickCount);

        public string Next(int length)
        {
            return new string(Enumerable.Range(0, length).Select(_ => (char)('a' + Rng.Next(26))).ToArray());
        }
    }
}

namespace Accounts.Jobs
{
    using System.Threading;
    using System.Threading.Tasks;

    public class RetryJob
    {
        [Obsolete("use the scheduler")]
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            // ok: cs-insecure-random
            var jitter = new Random();
            await Task.Delay(jitter.Next(100, 500), cancellationToken);
        }
    }
}
