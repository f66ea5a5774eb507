//! Guards run before a workbook is read: against zip bombs (a workbook, XLSX and ODS being zip
//! files, whose parts unpack to more than [`MAX_UITGEPAKT`] according to its central directory)
//! and against cell references the workbook reader cannot count (longer than Excel's largest).

use std::io::Read;

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

/// The largest cell reference Excel writes is `XFD1048576`: three letters, seven digits.
const MAX_LETTERS: usize = 3;
const MAX_CIJFERS: usize = 7;

/// How much of a worksheet is unpacked at a time for the reference check.
const BLOK: usize = 256 * 1024;

/// Checks the cell references in the worksheets of an XLSX file (`r="B7"`, `ref="A1:J200"`): the
/// workbook reader's arithmetic overflows on a reference longer than Excel's largest, so such a
/// file is refused before it is read. Anything that is no XLSX (ODS, XLS, no zip) is left to the
/// reader, which refuses it with its own error when it cannot read it.
pub fn controleer_celverwijzingen(bytes: &[u8]) -> CoreResult<()> {
    let Ok(mut archief) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    for i in 0..archief.len() {
        let Ok(mut deel) = archief.by_index(i) else {
            continue;
        };
        let is_werkblad = deel
            .name()
            .is_ok_and(|naam| naam.starts_with("xl/worksheets/") && naam.ends_with(".xml"));
        if !is_werkblad {
            continue;
        }
        if let Some(verwijzing) = te_lange_verwijzing_in(&mut deel) {
            return Err(
                CoreError::bestand("fout.import_lezen.celverwijzing_ongeldig")
                    .met("verwijzing", &verwijzing),
            );
        }
    }
    Ok(())
}

/// [`te_lange_verwijzing`] over a worksheet unpacked [`BLOK`] by [`BLOK`], so that a large sheet
/// is never held whole; what a block leaves unfinished is scanned again with the next one.
fn te_lange_verwijzing_in(deel: &mut impl Read) -> Option<String> {
    let mut xml: Vec<u8> = Vec::with_capacity(2 * BLOK);
    loop {
        let begin = xml.len();
        xml.resize(begin + BLOK, 0);
        // A damaged part (bad checksum, broken deflate data) is scanned as far as it unpacked:
        // the workbook reader does not check checksums and reads it all the same.
        let gelezen = loop {
            match deel.read(&mut xml[begin..]) {
                Err(fout) if fout.kind() == std::io::ErrorKind::Interrupted => continue,
                uitkomst => break uitkomst.unwrap_or(0),
            }
        };
        xml.truncate(begin + gelezen);
        let heel = gelezen == 0;
        match te_lange_verwijzing(&xml, heel) {
            Err(verwijzing) => return Some(verwijzing),
            Ok(_) if heel => return None,
            Ok(onaf) => {
                xml.drain(..onaf);
            }
        }
    }
}

/// The bytes before an `=` that make it a reference attribute: ` r` or ` ref`.
const VOOR_VERWIJZING: usize = " ref".len();

/// Scans `xml` for the first value of an `r` or `ref` attribute with a part (`A1` in `A1:B2`) of
/// more letters or digits than Excel's largest reference: `Err` with that value shortened for a
/// message. When more of the sheet follows (`heel` false), a value cut off at the end is not
/// judged yet: `Ok` gives where the part to scan again with what follows begins.
fn te_lange_verwijzing(xml: &[u8], heel: bool) -> Result<usize, String> {
    let onaf_vanaf = |i: usize| i.saturating_sub(VOOR_VERWIJZING);
    for i in memchr::memchr_iter(b'=', xml) {
        let Some(&volgend) = xml.get(i + 1) else {
            return Ok(if heel { xml.len() } else { onaf_vanaf(i) });
        };
        let is_verwijzing =
            volgend == b'"' && (xml[..i].ends_with(b" r") || xml[..i].ends_with(b" ref"));
        if !is_verwijzing {
            continue;
        }
        let waarde = &xml[i + 2..];
        let waarde = match memchr::memchr(b'"', waarde) {
            Some(eind) => &waarde[..eind],
            None if !heel => return Ok(onaf_vanaf(i)),
            None => waarde,
        };
        let te_lang = waarde.split(|&b| b == b':').any(|deel| {
            let letters = deel.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            let cijfers = deel[letters..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            letters > MAX_LETTERS || cijfers > MAX_CIJFERS
        });
        if te_lang {
            return Err(String::from_utf8_lossy(waarde).chars().take(20).collect());
        }
    }
    Ok(if heel {
        xml.len()
    } else {
        onaf_vanaf(xml.len())
    })
}

#[cfg(test)]
mod tests {
    use super::{te_lange_verwijzing as heel_gescand, te_lange_verwijzing_in};

    /// The verdict on a whole sheet held at once.
    fn te_lange_verwijzing(xml: &[u8]) -> Option<String> {
        heel_gescand(xml, true).err()
    }

    /// A sheet that unpacks a few bytes at a time, so values fall across block boundaries.
    struct Stukjes<'a> {
        rest: &'a [u8],
        stap: usize,
    }

    impl std::io::Read for Stukjes<'_> {
        fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
            let n = self.stap.min(self.rest.len()).min(buffer.len());
            buffer[..n].copy_from_slice(&self.rest[..n]);
            self.rest = &self.rest[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_sheet_read_in_pieces_gets_the_verdict_of_the_whole() {
        let bladen: [&[u8]; 5] = [
            br#"<dimension ref="A1:XFD1048576"/><c r="B7" t="s"><v>1</v></c>"#,
            br#"<c r="B7"/><c r="AAAAAAAAAAAAAAAAAAAAAAAAAA1"/>"#,
            br#"<dimension ref="A1:B99999999999"/><c r="A1"/>"#,
            br#"<x sqref="AAAAAAAA1" href="x"/><c r="A12345678"#,
            br#"<c r="A1"/><c t="s" r="ZZZZ1">"#,
        ];
        for blad in bladen {
            let heel = te_lange_verwijzing(blad);
            for stap in 1..blad.len() {
                let mut stukjes = Stukjes { rest: blad, stap };
                assert_eq!(te_lange_verwijzing_in(&mut stukjes), heel, "stap {stap}");
            }
        }
        assert!(te_lange_verwijzing(bladen[4]).is_some());
    }

    #[test]
    fn references_up_to_excels_largest_pass_and_longer_ones_are_named() {
        let goed = br#"<dimension ref="A1:XFD1048576"/><c r="B7" t="s"><v>1</v></c>"#;
        assert_eq!(te_lange_verwijzing(goed), None);
        let letters = br#"<c r="B7"/><c r="AAAAAAAAAAAAAAAAAAAAAAAAAA1"/>"#;
        assert_eq!(
            te_lange_verwijzing(letters).as_deref(),
            Some("AAAAAAAAAAAAAAAAAAAA")
        );
        let cijfers = br#"<dimension ref="A1:B99999999999"/>"#;
        assert_eq!(
            te_lange_verwijzing(cijfers).as_deref(),
            Some("A1:B99999999999")
        );
        // Other attributes ending in "ref" are no cell references.
        assert_eq!(
            te_lange_verwijzing(br#"<x sqref="AAAAAAAA1" href="x"/>"#),
            None
        );
    }
}
