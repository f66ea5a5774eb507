//! A guard against zip bombs: a workbook (XLSX and ODS are zip files) whose parts unpack to more
//! than [`MAX_UITGEPAKT`] according to its central directory is refused before it is read.

use crate::error::{CoreError, CoreResult};

/// The most a workbook may unpack to: 512 MiB (a 100,000-row sheet unpacks to about 30 MiB).
pub const MAX_UITGEPAKT: u64 = 512 * 1024 * 1024;

fn te_groot() -> CoreError {
    CoreError::bestand("fout.import_lezen.werkboek_te_groot").met("grens", &"512 MB")
}

/// Adds up the unpacked sizes in the zip's central directory. A file that is no zip, or whose
/// directory cannot be read, is left to the workbook reader, which refuses it with its own error.
pub fn controleer(bytes: &[u8]) -> CoreResult<()> {
    if !bytes.starts_with(b"PK") {
        return Ok(());
    }
    let u16_op = |i: usize| {
        bytes
            .get(i..i + 2)
            .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
    };
    let u32_op = |i: usize| {
        bytes
            .get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
    let Some(eind) = (0..bytes.len().saturating_sub(21))
        .rev()
        .take(65_557)
        .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))
    else {
        return Ok(());
    };
    let (Some(aantal), Some(begin)) = (u16_op(eind + 10), u32_op(eind + 16)) else {
        return Ok(());
    };
    let mut positie = begin as usize;
    let mut totaal: u64 = 0;
    for _ in 0..aantal {
        if u32_op(positie) != Some(0x0201_4b50) {
            return Ok(());
        }
        let velden = (
            u32_op(positie + 24),
            u16_op(positie + 28),
            u16_op(positie + 30),
            u16_op(positie + 32),
        );
        let (Some(grootte), Some(naam), Some(extra), Some(opmerking)) = velden else {
            return Ok(());
        };
        // 0xFFFFFFFF: the real size is in a zip64 field, so it is 4 GiB or more.
        if grootte == u32::MAX {
            return Err(te_groot());
        }
        totaal += u64::from(grootte);
        if totaal > MAX_UITGEPAKT {
            return Err(te_groot());
        }
        positie += 46 + naam + extra + opmerking;
    }
    Ok(())
}
