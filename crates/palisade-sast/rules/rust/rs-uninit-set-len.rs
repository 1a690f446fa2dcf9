use std::io::Read;
use std::net::TcpStream;

pub fn read_frame(stream: &mut TcpStream, len: usize) -> std::io::Result<Vec<u8>> {
    let mut buf: Vec<u8> = Vec::with_capacity(len);
    unsafe {
        // ruleid: rs-uninit-set-len
        buf.set_len(len);
    }
    let n = stream.read(&mut buf)?;
    buf.truncate(n);
    Ok(buf)
}

pub fn alloc_table(rows: usize) -> Vec<u64> {
    let mut table = Vec::with_capacity(rows);
    // ruleid: rs-uninit-set-len
    unsafe { table.set_len(rows) };
    table
}

pub fn read_frame_safe(stream: &mut TcpStream, len: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = vec![0u8; len];
    let n = stream.read(&mut buf)?;
    buf.truncate(n);
    Ok(buf)
}

pub fn copy_in(src: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(src.len());
    unsafe {
        std::ptr::copy_nonoverlapping(src.as_ptr(), out.as_mut_ptr(), src.len());
        // ok: rs-uninit-set-len
        out.set_len(src.len());
    }
    out
}

pub fn clear(v: &mut Vec<u8>) {
    let _spare: Vec<u8> = Vec::with_capacity(8);
    // ok: rs-uninit-set-len
    unsafe { v.set_len(0) };
}
