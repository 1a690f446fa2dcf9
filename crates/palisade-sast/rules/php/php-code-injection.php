<?php

use Illuminate\Http\Request;

function calculator()
{
    $expr = $_POST['expr'];
    // ruleid: php-code-injection
    $result = eval('return ' . $expr . ';');
    // ok: php-code-injection
    $result = eval('return 6 * 7;');
    return $result;
}

class ExportController
{
    public function export(Request $request)
    {
        $format = $request->input('format');
        $rows = $this->rows();
        // ruleid: php-code-injection
        $out = call_user_func('export_' . $format, $rows);

        $handlers = ['csv' => 'export_csv', 'json' => 'export_json'];
        $handler = $handlers[$format] ?? 'export_csv';
        // ok: php-code-injection
        $out = call_user_func($handler, $rows);
        // ok: php-code-injection
        $out = $handlers[$format]($rows);
        return $out;
    }

    public function hook()
    {
        $callback = $_GET['callback'];
        // ruleid: php-code-injection
        return $callback($_GET['arg']);
    }
}
