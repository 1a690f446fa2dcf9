using System.IO;
using System.Security.Cryptography;

namespace Vault.Crypto
{
    public class LegacyCrypto
    {
        public byte[] EncryptDes(byte[] key, byte[] iv, byte[] data)
        {
            // ruleid: cs-weak-cipher
            using var des = DES.Create();
            des.Key = key;
            des.IV = iv;
            return des.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
        }

        public byte[] Encrypt3Des(byte[] key, byte[] iv, byte[] data)
        {
            // ruleid: cs-weak-cipher
            using var tdes = new TripleDESCryptoServiceProvider();
            return tdes.CreateEncryptor(key, iv).TransformFinalBlock(data, 0, data.Length);
        }

        public byte[] EncryptAes(byte[] key, byte[] iv, byte[] data)
        {
            // ok: cs-weak-cipher
            using var aes = Aes.Create();
            aes.Key = key;
            aes.IV = iv;
            return aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
        }
    }
}
