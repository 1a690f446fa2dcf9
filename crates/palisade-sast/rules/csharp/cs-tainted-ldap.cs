using System.DirectoryServices;
using Microsoft.AspNetCore.Mvc;

namespace Directory.Controllers
{
    public class PeopleController : Controller
    {
        private readonly DirectoryEntry _root = new DirectoryEntry("LDAP://dc=corp,dc=example,dc=com");

        [HttpGet("people/find")]
        public IActionResult Find([FromQuery] string user)
        {
            var searcher = new DirectorySearcher(_root);
            // ruleid: cs-tainted-ldap
            searcher.Filter = "(&(objectClass=user)(sAMAccountName=" + user + "))";
            var result = searcher.FindOne();
            return Ok(result?.Path);
        }

        [HttpGet("people/by-mail")]
        public IActionResult ByMail()
        {
            string mail = Request.Query["mail"];
            // ruleid: cs-tainted-ldap
            var searcher = new DirectorySearcher(_root, $"(mail={mail})");
            return Ok(searcher.FindAll().Count);
        }

        [HttpGet("people/find-safe")]
        public IActionResult FindSafe([FromQuery] string user)
        {
            var searcher = new DirectorySearcher(_root);
            // ok: cs-tainted-ldap
            searcher.Filter = "(&(objectClass=user)(sAMAccountName=" + EscapeLdapFilter(user) + "))";
            return Ok(searcher.FindOne()?.Path);
        }

        private static string EscapeLdapFilter(string value)
        {
            return value.Replace("\\", "\\5c").Replace("*", "\\2a").Replace("(", "\\28").Replace(")", "\\29").Replace("\0", "\\00");
        }
    }
}
