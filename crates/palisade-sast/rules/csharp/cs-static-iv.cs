using System.Security.Cryptography;
using System.Text;

namespace Vault.Crypto
{
    public class ConfigEncryptor
    {
        private readonly byte[] _key;

        public ConfigEncryptor(byte[] key)
        {
            _key = key;
        }

        public byte[] Encrypt(byte[] data)
        {
            using var aes = Aes.Create();
            aes.Key = _key;
            // ruleid: cs-static-iv
            aes.IV = new byte[] { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10 };
            return aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
        }

        public byte[] EncryptZeroIv(byte[] data)
        {
            using var aes = Aes.Create();
            // ruleid: cs-static-iv
            var encryptor = aes.CreateEncryptor(_key, Encoding.UTF8.GetBytes("1234567890abcdef"));
            return encryptor.TransformFinalBlock(data, 0, data.Length);
        }

        public byte[] EncryptRandomIv(byte[] data)
        {
            using var aes = Aes.Create();
            aes.Key = _key;
            // ok: cs-static-iv
            aes.IV = RandomNumberGenerator.GetBytes(16);
            var cipher = aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
            var result = new byte[16 + cipher.Length];
            aes.IV.CopyTo(result, 0);
            cipher.CopyTo(result, 16);
            return result;
        }
    }
}
