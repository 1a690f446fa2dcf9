const express = require("express");
const session = require("express-session");

const app = express();

app.use(
  session({
    store: app.locals.store,
    resave: false,
    saveUninitialized: false,
    cookie: {
      // ruleid: js-session-cookie-insecure
      secure: false,
      maxAge: 3600000,
    },
  }),
);

app.post("/prefs", (req, res) => {
  // ruleid: js-session-cookie-insecure
  res.cookie("sid", req.sessionID, { httpOnly: false, sameSite: "lax" });
  // ok: js-session-cookie-insecure
  res.cookie("theme", "dark", { secure: true, httpOnly: true, sameSite: "strict" });
  res.end();
});

app.use(
  session({
    store: app.locals.store,
    cookie: {
      // ok: js-session-cookie-insecure
      secure: process.env.NODE_ENV === "production",
      httpOnly: true,
    },
  }),
);

// ok: js-session-cookie-insecure
const paginationDefaults = { secure: false, pageSize: 20 };

module.exports = { app, paginationDefaults };
