using System.Xml;
using System.Xml.XPath;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Controllers
{
    public class UsersXmlController : Controller
    {
        private readonly XmlDocument _users;

        public UsersXmlController(XmlDocument users)
        {
            _users = users;
        }

        [HttpPost("xml-login")]
        public IActionResult Login([FromForm] string name, [FromForm] string password)
        {
            string query = "/users/user[@name='" + name + "' and @password='" + password + "']";
            // ruleid: cs-tainted-xpath
            XmlNode node = _users.SelectSingleNode(query);
            return node == null ? Unauthorized() : Ok();
        }

        [HttpGet("xml-roles")]
        public IActionResult Roles()
        {
            string role = Request.Query["role"];
            // ruleid: cs-tainted-xpath
            XmlNodeList nodes = _users.DocumentElement.SelectNodes($"//user[role='{role}']");
            return Ok(nodes.Count);
        }

        [HttpGet("xml-count")]
        public IActionResult Count([FromQuery] string id)
        {
            int userId = int.Parse(id);
            // ok: cs-tainted-xpath
            XmlNode node = _users.SelectSingleNode("/users/user[@id=" + userId + "]");
            // ok: cs-tainted-xpath
            XmlNodeList all = _users.SelectNodes("/users/user[@active='true']");
            return Ok(all.Count);
        }
    }
}
