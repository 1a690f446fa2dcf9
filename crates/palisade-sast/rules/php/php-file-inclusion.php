<?php

$page = $_GET['page'] ?? 'home';

function render_page()
{
    $page = $_GET['page'];
    // ruleid: php-file-inclusion
    include __DIR__ . '/pages/' . $page . '.php';
}

function load_language()
{
    $lang = $_COOKIE['lang'];
    // ruleid: php-file-inclusion
    require_once("lang/$lang.php");
}

function render_page_safe()
{
    $pages = ['home' => 'home.php', 'about' => 'about.php'];
    $file = $pages[$_GET['page']] ?? 'home.php';
    // ok: php-file-inclusion
    include __DIR__ . '/pages/' . $file;
    // ok: php-file-inclusion
    include __DIR__ . '/partials/footer.php';
}
