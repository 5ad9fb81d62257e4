//! The shape of `src/`: each layer uses only those below it, no module imports another that
//! imports it back (directly or round a circle), no file is over 900 lines and no function over
//! 120. The layers, lowest first, are the crate's top-level folders (see `src/lib.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first. `wasm` and `cli` are the top; neither imports the other.
const LAYERS: &[&[&str]] = &[
    &["json"],
    &["model"],
    &["columns"],
    &["read"],
    &["engine"],
    &["write"],
    &["extract"],
    &["wasm", "cli"],
];

const MOST_LINES: usize = 900;
const MOST_FUNCTION_LINES: usize = 120;

fn layer_of(top: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&top))
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file under `src/`: `src/read/acled.rs` is `["read", "acled"]`,
/// `src/read/mod.rs` is `["read"]`, `src/lib.rs` is `[]`. The CLI's files are under `cli`.
fn module_of(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix("src").unwrap();
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The text of a file without comments, string literals and `#[cfg(test)]` modules: what its
/// code imports, not what its docs or tests mention.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut skip_depth: Option<usize> = None;
    let mut depth = 0usize;
    let mut pending_test = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        if trimmed.starts_with("#[cfg(test)]") {
            pending_test = true;
            continue;
        }
        let code = strip_strings(line);
        if pending_test && skip_depth.is_none() && code.trim_start().starts_with("mod ") {
            skip_depth = Some(depth);
        }
        pending_test = false;
        for c in code.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        match skip_depth {
            Some(d) if depth <= d && code.contains('}') => skip_depth = None,
            Some(_) => {}
            None => {
                out.push_str(&code);
                out.push('\n');
            }
        }
    }
    out
}

/// A line with its string and character literals blanked and its end-of-line comment dropped.
fn strip_strings(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => {
                    in_string = false;
                    out.push('"');
                }
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push('"');
            }
            '/' if chars.peek() == Some(&'/') => break,
            '\'' => {
                // A character literal ('{', '\n'), not a lifetime ('a).
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with('\\') || rest.chars().nth(1) == Some('\'') {
                    while let Some(c) = chars.next() {
                        if c == '\\' {
                            chars.next();
                        } else if c == '\'' {
                            break;
                        }
                    }
                    out.push_str("' '");
                } else {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The module paths a file's code names: `crate::a::b` (and `dateline::a::b` in the CLI), and
/// `super::x` resolved against the file's own module. Paths in `use` groups are expanded one
/// level (`crate::read::{acled, table::Table}`).
fn imports(code: &str, module: &[String]) -> Vec<Vec<String>> {
    // In the CLI, `crate` is the command's own root, `src/cli/main.rs`.
    let in_cli = module.first().is_some_and(|m| m == "cli");
    let mut found = Vec::new();
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    for root in ["crate::", "dateline::", "super::"] {
        let mut at = 0;
        while let Some(i) = code[at..].find(root) {
            let start = at + i;
            at = start + root.len();
            if start > 0 && code[..start].chars().last().is_some_and(ident) {
                continue;
            }
            let base: Vec<String> = match root {
                "crate::" if in_cli => vec!["cli".to_string()],
                "crate::" | "dateline::" => Vec::new(),
                _ => {
                    // `super` of a file's module is its parent; more `super::` go further up.
                    let mut base = module.to_vec();
                    base.pop();
                    let mut rest = &code[at..];
                    while let Some(r) = rest.strip_prefix("super::") {
                        base.pop();
                        rest = r;
                        at += "super::".len();
                    }
                    base
                }
            };
            let tail = &code[at..];
            let path: String = tail.chars().take_while(|&c| ident(c) || c == ':').collect();
            let mut parts: Vec<String> = path
                .split("::")
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect();
            let after = &tail[path.len()..];
            if let Some(inside) = after.strip_prefix('{') {
                let group: String = inside.chars().take_while(|&c| c != '}').collect();
                for item in group.split(',') {
                    let first = item.trim().split("::").next().unwrap_or("").trim();
                    if !first.is_empty() && first != "self" {
                        let mut p = base.clone();
                        p.extend(parts.iter().cloned());
                        p.push(first.to_string());
                        found.push(p);
                    }
                }
                // The group's items are the imports, not the module they are taken from.
                continue;
            }
            let mut p = base;
            p.append(&mut parts);
            found.push(p);
        }
    }
    // Paths through the file's own submodules (`mod acled;` then `acled::read`).
    for line in code.lines() {
        let declared = line
            .trim()
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub ")
            .strip_prefix("mod ")
            .and_then(|rest| rest.strip_suffix(';'));
        let Some(child) = declared else { continue };
        let needle = format!("{child}::");
        let mut at = 0;
        while let Some(i) = code[at..].find(&needle) {
            let start = at + i;
            at = start + needle.len();
            let before = code[..start].chars().last();
            if before.is_some_and(|c| ident(c) || c == ':') {
                continue;
            }
            let mut p = module.to_vec();
            p.push(child.to_string());
            found.push(p);
        }
    }
    found
}

/// The file a module path lands in: the longest prefix of it that is a module of `files`.
fn file_of<'a>(
    path: &[String],
    files: &'a BTreeMap<Vec<String>, PathBuf>,
) -> Option<&'a Vec<String>> {
    (1..=path.len())
        .rev()
        .find_map(|n| files.get_key_value(&path[..n]).map(|(k, _)| k))
}

struct Tree {
    files: BTreeMap<Vec<String>, PathBuf>,
    code: BTreeMap<Vec<String>, String>,
    text: BTreeMap<Vec<String>, String>,
}

fn tree() -> Tree {
    let mut paths = Vec::new();
    rust_files(Path::new("src"), &mut paths);
    let mut tree = Tree {
        files: BTreeMap::new(),
        code: BTreeMap::new(),
        text: BTreeMap::new(),
    };
    for path in paths {
        let module = module_of(&path);
        let text = std::fs::read_to_string(&path).unwrap();
        tree.code.insert(module.clone(), code_of(&text));
        tree.text.insert(module.clone(), text);
        tree.files.insert(module, path);
    }
    tree
}

/// Each file's imports of other files of the crate, as module paths.
fn edges(tree: &Tree) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let mut edges = BTreeMap::new();
    for (module, code) in &tree.code {
        let mut targets = BTreeSet::new();
        for import in imports(code, module) {
            if let Some(target) = file_of(&import, &tree.files) {
                if target != module && !target.is_empty() {
                    targets.insert(target.clone());
                }
            }
        }
        edges.insert(module.clone(), targets);
    }
    edges
}

#[test]
fn a_layer_imports_only_the_layers_below_it() {
    let tree = tree();
    let mut wrong = Vec::new();
    for (module, targets) in edges(&tree) {
        let Some(from) = module.first().and_then(|m| layer_of(m)) else {
            continue;
        };
        for target in targets {
            let to = target.first().and_then(|m| layer_of(m)).unwrap_or(0);
            let sideways = to == from && target.first() != module.first();
            if to > from || sideways {
                wrong.push(format!(
                    "{} imports {}",
                    tree.files[&module].display(),
                    tree.files[&target].display()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports from a higher layer:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_module_imports_itself_round_a_circle() {
    let tree = tree();
    let edges = edges(&tree);
    // Depth-first search; a grey node met again closes a circle.
    fn visit(
        node: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
        circles: &mut Vec<String>,
    ) {
        state.insert(node.clone(), 1);
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            match state.get(next).copied().unwrap_or(0) {
                0 => visit(next, edges, state, stack, circles),
                1 => {
                    let from = stack.iter().position(|n| n == next).unwrap_or(0);
                    let names: Vec<String> = stack[from..]
                        .iter()
                        .chain([next])
                        .map(|m| m.join("::"))
                        .collect();
                    circles.push(names.join(" -> "));
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node.clone(), 2);
    }
    let mut state = BTreeMap::new();
    let mut circles = Vec::new();
    for node in edges.keys() {
        if !state.contains_key(node) {
            visit(node, &edges, &mut state, &mut Vec::new(), &mut circles);
        }
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn no_file_is_over_900_lines_and_no_function_over_120() {
    let tree = tree();
    let mut long = Vec::new();
    for (module, text) in &tree.text {
        let file = tree.files[module].display();
        let lines: Vec<&str> = text.lines().collect();
        if lines.len() > MOST_LINES {
            long.push(format!("{file}: {} lines", lines.len()));
        }
        // A function runs from its `fn` line to the first line after it that closes at its
        // own indentation.
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let is_fn = [
                "fn ",
                "pub fn ",
                "pub(crate) fn ",
                "pub(super) fn ",
                "async fn ",
                "const fn ",
                "pub const fn ",
                "unsafe fn ",
            ]
            .iter()
            .any(|p| trimmed.starts_with(p));
            if !is_fn || trimmed.ends_with(';') {
                continue;
            }
            let indent = line.len() - trimmed.len();
            let end = lines[i + 1..].iter().position(|l| {
                let t = l.trim_start();
                l.len() - t.len() == indent && t.starts_with('}')
            });
            if let Some(end) = end {
                if end + 2 > MOST_FUNCTION_LINES {
                    let name: String = trimmed
                        .split("fn ")
                        .nth(1)
                        .unwrap_or("")
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    long.push(format!("{file}:{}: fn {name} is {} lines", i + 1, end + 2));
                }
            }
        }
    }
    assert!(long.is_empty(), "too long:\n{}", long.join("\n"));
}

#[test]
fn the_checks_see_imports_circles_and_long_functions() {
    // The checks themselves, on made-up code: each would catch what it is for.
    let code = code_of("use crate::engine::store::Store;\n// use crate::write::x;\nfn f() { let s = \"crate::cli::y\"; }\n#[cfg(test)]\nmod tests {\n    use crate::write::z;\n}\n");
    let found = imports(&code, &["read".into(), "acled".into()]);
    assert_eq!(
        found,
        vec![vec!["engine".to_string(), "store".into(), "Store".into()]]
    );
    let sup = imports(
        "use super::table::{Table, Columns};",
        &["read".into(), "acled".into()],
    );
    assert!(
        sup.contains(&vec!["read".to_string(), "table".into(), "Table".into()]),
        "{sup:?}"
    );
}

#[test]
fn every_folder_of_src_is_one_layer() {
    // The layer check skips a module it cannot place, so a folder missing from LAYERS would
    // escape it; a name in LAYERS with no folder is a layer renamed or gone.
    let tree = tree();
    let folders: BTreeSet<&str> = tree
        .files
        .keys()
        .filter_map(|module| module.first())
        .map(String::as_str)
        .collect();
    let named: BTreeSet<&str> = LAYERS
        .iter()
        .flat_map(|layer| layer.iter().copied())
        .collect();
    assert_eq!(folders, named);
}
