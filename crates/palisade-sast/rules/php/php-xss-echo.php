<?php

function greet()
{
    $name = $_GET['name'];
    // ruleid: php-xss-echo
    echo "<h1>Hello, $name!</h1>";
    // ok: php-xss-echo
    echo '<h1>Hello, ' . htmlspecialchars($name, ENT_QUOTES, 'UTF-8') . '!</h1>';
}

function search_results(array $results)
{
    $q = $_REQUEST['q'];
    // ruleid: php-xss-echo
    print '<p>Results for ' . $q . '</p>';
    // ruleid: php-xss-echo
    printf('<input name="q" value="%s">', $q);
    // ok: php-xss-echo
    printf('<p>%d results</p>', count($results));
    foreach ($results as $row) {
        // ok: php-xss-echo
        echo '<li>' . htmlentities($row['title']) . '</li>';
    }
}

function autocomplete()
{
    header('Content-Type: application/json');
    // ok: php-xss-echo
    echo json_encode(['query' => $_GET['q'], 'items' => []]);
}

function page_link()
{
    $page = isset($_GET['page']) ? (int) $_GET['page'] : 1;
    $sort = isset($_GET['sort']) ? $_GET['sort'] : 'date';
    // ruleid: php-xss-echo
    echo '<a href="?sort=' . $sort . '">by date</a>';
    // ok: php-xss-echo
    echo '<a href="?page=' . (intval($page) + 1) . '">next</a>';
}
?>
<?php $term = $_GET['term'] ?? ''; ?>
<form method="get" action="/search">
<?php
// ruleid: php-xss-echo
?>  <input name="term" value="<?= $term ?>">
<?php
// ok: php-xss-echo
?>  <p>Results for <?= htmlspecialchars($term, ENT_QUOTES, 'UTF-8') ?></p>
<?php
// ok: php-xss-echo
?>  <p><?php record_search($term) ?></p>
</form>
