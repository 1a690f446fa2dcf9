use std::mem;

#[repr(u8)]
#[derive(Debug, Clone, Copy)]
pub enum Opcode {
    Push = 0,
    Pop = 1,
    Add = 2,
}

pub fn decode(byte: u8) -> Opcode {
    // ruleid: rs-unsafe-transmute
    unsafe { mem::transmute::<u8, Opcode>(byte) }
}

pub fn extend<'a>(s: &'a str) -> &'static str {
    // ruleid: rs-unsafe-transmute
    unsafe { std::mem::transmute(s) }
}

pub fn decode_checked(byte: u8) -> Option<Opcode> {
    // ok: rs-unsafe-transmute
    match byte {
        0 => Some(Opcode::Push),
        1 => Some(Opcode::Pop),
        2 => Some(Opcode::Add),
        _ => None,
    }
}

pub fn bits(x: f32) -> u32 {
    // ok: rs-unsafe-transmute
    x.to_bits()
}
