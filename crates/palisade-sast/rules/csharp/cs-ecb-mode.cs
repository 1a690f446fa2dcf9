using System.Security.Cryptography;

namespace Vault.Crypto
{
    public class TokenCipher
    {
        private readonly byte[] _key;

        public TokenCipher(byte[] key)
        {
            _key = key;
        }

        public byte[] Encrypt(byte[] data)
        {
            using var aes = Aes.Create();
            aes.Key = _key;
            // ruleid: cs-ecb-mode
            aes.Mode = CipherMode.ECB;
            return aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
        }

        public byte[] EncryptOneShot(byte[] data)
        {
            using var aes = Aes.Create();
            aes.Key = _key;
            // ruleid: cs-ecb-mode
            return aes.EncryptEcb(data, PaddingMode.PKCS7);
        }

        public byte[] EncryptCbc(byte[] data, byte[] iv)
        {
            using var aes = Aes.Create();
            aes.Key = _key;
            // ok: cs-ecb-mode
            aes.Mode = CipherMode.CBC;
            return aes.EncryptCbc(data, iv, PaddingMode.PKCS7);
        }
    }
}
