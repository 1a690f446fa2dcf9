<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

function find_user_legacy(mysqli $conn)
{
    $id = $_GET['id'];
    // ruleid: php-sqli-request
    $result = mysqli_query($conn, "SELECT * FROM users WHERE id = " . $id);
    // ok: php-sqli-request
    $result = mysqli_query($conn, "SELECT * FROM users WHERE id = " . intval($id));
    return mysqli_fetch_assoc($result);
}

function search_products(PDO $pdo)
{
    $term = $_POST['term'];
    $sql = "SELECT * FROM products WHERE name LIKE '%$term%'";
    // ruleid: php-sqli-request
    $rows = $pdo->query($sql)->fetchAll();

    // ok: php-sqli-request
    $stmt = $pdo->prepare("SELECT * FROM products WHERE name LIKE ?");
    $stmt->execute(['%' . $term . '%']);
    return $stmt->fetchAll();
}

function archive_orders($pgconn)
{
    $before = $_REQUEST['before'];
    // ruleid: php-sqli-request
    pg_query($pgconn, "UPDATE orders SET archived = true WHERE created < '" . $before . "'");
    // ok: php-sqli-request
    pg_query_params($pgconn, 'UPDATE orders SET archived = true WHERE created < $1', [$before]);
}

class ReportController extends Controller
{
    public function index(Request $request)
    {
        $status = $request->input('status');
        // ruleid: php-sqli-request
        $rows = DB::select("SELECT * FROM reports WHERE status = '$status'");
        // ok: php-sqli-request
        $rows = DB::select('SELECT * FROM reports WHERE status = ?', [$status]);
        return view('reports.index', ['rows' => $rows]);
    }

    public function sorted(Request $request)
    {
        $column = $request->query('sort');
        $min = $request->get('min');
        $query = DB::table('orders');
        // ruleid: php-sqli-request
        $query->whereRaw('total > ' . $min);
        // ok: php-sqli-request
        $query->whereRaw('total > ?', [$min]);
        // ruleid: php-sqli-request
        $query->orderByRaw($column . ' DESC');
        return $query->get();
    }
}
