using System;
using System.Security.Cryptography;
using System.Text;

namespace Accounts.Security
{
    public class PasswordService
    {
        public string HashPassword(string password)
        {
            // ruleid: cs-weak-hash
            using var md5 = MD5.Create();
            var bytes = md5.ComputeHash(Encoding.UTF8.GetBytes(password));
            return Convert.ToBase64String(bytes);
        }

        public string LegacyHash(string password)
        {
            // ruleid: cs-weak-hash
            using var sha1 = new SHA1CryptoServiceProvider();
            return Convert.ToHexString(sha1.ComputeHash(Encoding.UTF8.GetBytes(password)));
        }

        public string Fingerprint(byte[] data)
        {
            // ruleid: cs-weak-hash
            return Convert.ToHexString(SHA1.HashData(data));
        }

        public string Checksum(byte[] data)
        {
            // ok: cs-weak-hash
            using var sha = SHA256.Create();
            return Convert.ToHexString(sha.ComputeHash(data));
        }

        public byte[] DeriveKey(string password, byte[] salt)
        {
            // ok: cs-weak-hash
            return Rfc2898DeriveBytes.Pbkdf2(password, salt, 600000, HashAlgorithmName.SHA256, 32);
        }
    }
}
