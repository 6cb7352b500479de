//! `$ZPARSE(file[,field[,default1[,default2[,mode]]]])`: a file name completed and split.
//!
//! As GT.M does it (probed under V7.0-005): a name without a directory takes default1's
//! directory, else the working directory; a missing name or type comes from default1; `.` and
//! `..` are resolved; a directory that does not exist gives "". The fields are DIRECTORY, NAME
//! and TYPE; DEVICE, NODE and VERSION (and no field) give the whole name. default2 and mode are
//! accepted and not used (GT.M's results did not depend on default2 in any probe).

use crate::error::{MError, MResult, kind};
use crate::value::Value;

/// A file name in three parts: `/dir/` (with its slash), `name`, `.type`.
#[derive(Default)]
struct Parts {
    dir: String,
    name: String,
    ext: String,
}

fn split(path: &str) -> Parts {
    let (dir, file) = match path.rfind('/') {
        Some(i) => (&path[..=i], &path[i + 1..]),
        None => ("", path),
    };
    let (name, ext) = match file.rfind('.') {
        Some(i) if i > 0 => (&file[..i], &file[i..]),
        _ => (file, ""),
    };
    Parts {
        dir: dir.to_string(),
        name: name.to_string(),
        ext: ext.to_string(),
    }
}

/// An absolute directory with `.` and `..` resolved, ending in `/`; None when it does not
/// exist.
pub(super) fn resolve_dir(dir: &str) -> Option<String> {
    let cwd = std::env::current_dir().ok()?;
    let full = if dir.starts_with('/') {
        dir.to_string()
    } else {
        format!("{}/{dir}", cwd.to_string_lossy())
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in full.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut out = String::from("/");
    for p in parts {
        out.push_str(p);
        out.push('/');
    }
    // GT.M: an empty segment (`/a//b`) or a missing directory gives nothing.
    (!full.contains("//") && std::path::Path::new(&out).is_dir()).then_some(out)
}

pub fn zparse(args: &[Value]) -> MResult<Value> {
    let file = split(&args[0].to_text());
    let field = args
        .get(1)
        .map(|f| f.to_text().to_ascii_uppercase())
        .unwrap_or_default();
    let default = args.get(2).map(|d| split(&d.to_text())).unwrap_or_default();
    let pick = |a: &String, b: &String| if a.is_empty() { b.clone() } else { a.clone() };
    let Some(dir) = resolve_dir(&pick(&file.dir, &default.dir)) else {
        check_field(&field)?;
        return Ok(Value::empty());
    };
    let name = pick(&file.name, &default.name);
    let ext = pick(&file.ext, &default.ext);
    Ok(Value::from(&*match check_field(&field)? {
        Field::Directory => dir,
        Field::Name => name,
        Field::Type => ext,
        Field::Whole => format!("{dir}{name}{ext}"),
    }))
}

enum Field {
    Directory,
    Name,
    Type,
    Whole,
}

/// The field argument: a prefix of one of GT.M's field names; ZPARSFLDBAD otherwise.
fn check_field(field: &str) -> MResult<Field> {
    if field.is_empty() {
        return Ok(Field::Whole);
    }
    let is = |full: &str| full.starts_with(field);
    // "D" is DEVICE (GT.M), "DI" on DIRECTORY.
    Ok(if is("DEVICE") {
        Field::Whole
    } else if is("DIRECTORY") {
        Field::Directory
    } else if is("NAME") {
        Field::Name
    } else if is("TYPE") {
        Field::Type
    } else if is("NODE") || is("VERSION") {
        Field::Whole
    } else {
        return Err(MError::with_args(kind::ZPARSFLDBAD, &[field]));
    })
}
