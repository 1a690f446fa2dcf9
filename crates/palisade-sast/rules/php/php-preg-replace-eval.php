<?php

function render_template($template, array $vars)
{
    // ruleid: php-preg-replace-eval
    return preg_replace('/\{(\w+)\}/e', '$vars["\\1"]', $template);
}

function linkify($text)
{
    // ruleid: php-preg-replace-eval
    return preg_replace("#\[url=(.*?)\](.*?)\[/url\]#ie", "make_link('\\1', '\\2')", $text, -1);
}

function render_template_safe($template, array $vars)
{
    // ok: php-preg-replace-eval
    return preg_replace_callback('/\{(\w+)\}/', function (array $m) use ($vars) {
        return htmlspecialchars($vars[$m[1]] ?? '', ENT_QUOTES, 'UTF-8');
    }, $template);
}

function slug($title)
{
    // ok: php-preg-replace-eval
    return strtolower(preg_replace('/[^a-z0-9]+/i', '-', $title));
}
