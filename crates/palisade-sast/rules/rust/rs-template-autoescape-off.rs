use handlebars::Handlebars;
use tera::{Context, Tera};

pub fn load_templates() -> tera::Result<Tera> {
    let mut tera = Tera::new("templates/**/*.html")?;
    // ruleid: rs-template-autoescape-off
    tera.autoescape_on(vec![]);
    Ok(tera)
}

pub fn load_templates_safe() -> tera::Result<Tera> {
    let mut tera = Tera::new("templates/**/*")?;
    // ok: rs-template-autoescape-off
    tera.autoescape_on(vec![".html", ".htm", ".xml", ".j2"]);
    Ok(tera)
}

pub fn render_comment(author: &str, text: &str) -> tera::Result<String> {
    let mut ctx = Context::new();
    ctx.insert("author", author);
    ctx.insert("text", text);
    // ruleid: rs-template-autoescape-off
    let html = Tera::one_off("<p><b>{{ author }}</b>: {{ text }}</p>", &ctx, false)?;
    // ok: rs-template-autoescape-off
    let safe = Tera::one_off("<p><b>{{ author }}</b>: {{ text }}</p>", &ctx, true)?;
    Ok(format!("{}{}", html, safe))
}

pub fn registry() -> Handlebars<'static> {
    let mut hb = Handlebars::new();
    // ruleid: rs-template-autoescape-off
    hb.register_escape_fn(handlebars::no_escape);
    hb
}
