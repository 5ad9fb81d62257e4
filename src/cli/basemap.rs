//! Deriving a small base map for one region from a TopoJSON world map.
//!
//! The explorer's map is an SVG drawn from a file shipped with the page: no tile server. This
//! module reads a TopoJSON topology (such as Natural Earth's countries in npm's `world-atlas`),
//! projects the countries that reach into a bounding box with an equirectangular projection
//! (longitudes scaled by the cosine of the box's middle latitude, so shapes keep their proportions
//! near it), clips them to the box, drops points closer than half a unit, and writes SVG path data.
//!
//! The output maps a place to the map's units with two multiplications, which the page does:
//! `x = (lon - west) * kx`, `y = (north - lat) * ky`.

use std::process::ExitCode;

use dateline::json::{self, Kind, Value};
use dateline::model::text::plural;

use super::io::{emit, read_file, USAGE};

/// The region to cut out, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    /// Westernmost longitude.
    pub west: f64,
    /// Southernmost latitude.
    pub south: f64,
    /// Easternmost longitude.
    pub east: f64,
    /// Northernmost latitude.
    pub north: f64,
}

impl BoundingBox {
    /// Parses `west,south,east,north`.
    pub fn parse(text: &str) -> Result<BoundingBox, String> {
        let numbers: Vec<f64> = text
            .split(',')
            .map(|n| {
                n.trim()
                    .parse::<f64>()
                    .map_err(|_| format!("'{n}' is not a number"))
            })
            .collect::<Result<_, _>>()?;
        let [west, south, east, north] = numbers[..] else {
            return Err("a bounding box is west,south,east,north".into());
        };
        if !(-180.0..=180.0).contains(&west) || !(-180.0..=180.0).contains(&east) || west >= east {
            return Err("west and east must be longitudes with west < east".into());
        }
        if !(-90.0..=90.0).contains(&south) || !(-90.0..=90.0).contains(&north) || south >= north {
            return Err("south and north must be latitudes with south < north".into());
        }
        Ok(BoundingBox {
            west,
            south,
            east,
            north,
        })
    }
}

/// The width of the map in its own units; the height follows from the box's proportions.
pub const WIDTH: f64 = 1000.0;

type Ring = Vec<(f64, f64)>;

/// One country of the derived map.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// The topology's id (ISO 3166-1 numeric in world-atlas).
    pub id: String,
    /// The name.
    pub name: String,
    /// SVG path data in map units.
    pub path: String,
    /// Where to put its label: the centre of its largest clipped ring.
    pub label: (f64, f64),
    /// The area of that ring, in square map units, so the page can skip labels of slivers.
    pub area: f64,
}

/// A derived base map.
#[derive(Debug, Clone, PartialEq)]
pub struct Basemap {
    /// The region.
    pub bbox: BoundingBox,
    /// Map units per degree of longitude.
    pub kx: f64,
    /// Map units per degree of latitude.
    pub ky: f64,
    /// Height in map units (the width is [`WIDTH`]).
    pub height: f64,
    /// The countries that reach into the region.
    pub countries: Vec<Country>,
}

/// Derives the base map of `bbox` from the TopoJSON text `topology`.
pub fn derive(topology: &str, bbox: BoundingBox) -> Result<Basemap, String> {
    let parsed = json::parse(topology);
    if let Some(p) = parsed.problems.first() {
        return Err(format!(
            "the topology is not valid JSON at byte {}: {}",
            p.at, p.message
        ));
    }
    let root = parsed.root.ok_or("the topology is empty")?;
    let arcs = decode_arcs(&root)?;
    let geometries = match root
        .get("objects")
        .and_then(|o| o.get("countries"))
        .and_then(|c| c.get("geometries"))
        .map(|g| &g.kind)
    {
        Some(Kind::Array(g)) => g,
        _ => return Err("the topology has no objects.countries.geometries".into()),
    };
    let mid = (bbox.north + bbox.south) / 2.0;
    let kx = WIDTH / (bbox.east - bbox.west);
    let ky = kx / mid.to_radians().cos();
    let height = (bbox.north - bbox.south) * ky;
    let project = |lon: f64, lat: f64| ((lon - bbox.west) * kx, (bbox.north - lat) * ky);
    let mut countries = Vec::new();
    for g in geometries {
        if let Some(c) = country(g, &arcs, &project, height)? {
            countries.push(c);
        }
    }
    Ok(Basemap {
        bbox,
        kx,
        ky,
        height,
        countries,
    })
}

/// The numbers of a JSON array; `what` names it in the error.
fn numbers(v: Option<&Value>, what: &str) -> Result<Vec<f64>, String> {
    match v.map(|v| &v.kind) {
        Some(Kind::Array(items)) => items
            .iter()
            .map(|i| i.as_f64().ok_or(format!("{what} holds a non-number")))
            .collect(),
        _ => Err(format!("the topology has no {what}")),
    }
}

/// The topology's arcs in degrees: they are written as delta-encoded, quantized positions,
/// decoded once here by the topology's transform.
fn decode_arcs(root: &Value) -> Result<Vec<Vec<(f64, f64)>>, String> {
    let transform = root.get("transform");
    let scale = numbers(transform.and_then(|t| t.get("scale")), "transform.scale")?;
    let translate = numbers(
        transform.and_then(|t| t.get("translate")),
        "transform.translate",
    )?;
    let (sx, sy, tx, ty) = match (&scale[..], &translate[..]) {
        ([sx, sy], [tx, ty]) => (*sx, *sy, *tx, *ty),
        _ => return Err("transform.scale and transform.translate need two numbers each".into()),
    };
    let Some(Kind::Array(raw_arcs)) = root.get("arcs").map(|a| &a.kind) else {
        return Err("the topology has no arcs".into());
    };
    let mut arcs: Vec<Vec<(f64, f64)>> = Vec::with_capacity(raw_arcs.len());
    for arc in raw_arcs {
        let Kind::Array(points) = &arc.kind else {
            return Err("an arc is not a list of points".into());
        };
        let (mut x, mut y) = (0.0, 0.0);
        let mut decoded = Vec::with_capacity(points.len());
        for p in points {
            let xy = numbers(Some(p), "arc point")?;
            let (Some(dx), Some(dy)) = (xy.first(), xy.get(1)) else {
                return Err("an arc point needs two numbers".into());
            };
            x += dx;
            y += dy;
            decoded.push((x * sx + tx, y * sy + ty));
        }
        arcs.push(decoded);
    }
    Ok(arcs)
}

/// A ring of a polygon, projected: the arcs its `indices` name, joined (a negative index,
/// `!i`, is arc `i` reversed).
fn ring_of(
    indices: &Value,
    arcs: &[Vec<(f64, f64)>],
    project: &impl Fn(f64, f64) -> (f64, f64),
) -> Result<Ring, String> {
    let mut ring: Ring = Vec::new();
    for i in numbers(Some(indices), "a ring's arcs")? {
        let i = i as i64;
        let (index, reversed) = if i < 0 {
            ((!i) as usize, true)
        } else {
            (i as usize, false)
        };
        let arc = arcs
            .get(index)
            .ok_or(format!("arc {index} does not exist"))?;
        let points: Box<dyn Iterator<Item = &(f64, f64)>> = if reversed {
            Box::new(arc.iter().rev())
        } else {
            Box::new(arc.iter())
        };
        // Consecutive arcs share their joining point.
        for (n, &(lon, lat)) in points.enumerate() {
            if n > 0 || ring.is_empty() {
                ring.push(project(lon, lat));
            }
        }
    }
    Ok(ring)
}

/// The country of a geometry, clipped to the map; `None` when it is not a polygon or nothing
/// of it lies on the map.
fn country(
    g: &Value,
    arcs: &[Vec<(f64, f64)>],
    project: &impl Fn(f64, f64) -> (f64, f64),
    height: f64,
) -> Result<Option<Country>, String> {
    let polygons: Vec<&Value> = match (
        g.get("type").and_then(Value::as_str),
        g.get("arcs").map(|a| &a.kind),
    ) {
        (Some("Polygon"), Some(_)) => vec![g.get("arcs").expect("checked")],
        (Some("MultiPolygon"), Some(Kind::Array(list))) => list.iter().collect(),
        _ => return Ok(None),
    };
    let mut path = String::new();
    let mut best: Option<(f64, (f64, f64))> = None;
    for polygon in polygons {
        let Kind::Array(rings) = &polygon.kind else {
            continue;
        };
        for ring in rings {
            let clipped = simplify(clip(&ring_of(ring, arcs, project)?, WIDTH, height));
            if clipped.len() < 3 {
                continue;
            }
            let (area, centre) = area_and_centre(&clipped);
            if best.is_none_or(|(a, _)| area > a) {
                best = Some((area, centre));
            }
            for (n, (x, y)) in clipped.iter().enumerate() {
                path.push(if n == 0 { 'M' } else { 'L' });
                path.push_str(&format!("{x:.1} {y:.1}"));
            }
            path.push('Z');
        }
    }
    let Some((area, label)) = best else {
        return Ok(None);
    };
    Ok(Some(Country {
        id: g
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        name: g
            .get("properties")
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        path: path
            .replace(".0 ", " ")
            .replace(".0L", "L")
            .replace(".0Z", "Z"),
        label,
        area,
    }))
}

/// Clips a ring to the rectangle `[0, width] × [0, height]` (Sutherland–Hodgman: the clip
/// window is convex, so any ring clips correctly, edges along the border included).
fn clip(ring: &[(f64, f64)], width: f64, height: f64) -> Ring {
    type Edge = (
        fn(&(f64, f64), f64) -> bool,
        fn(&(f64, f64), &(f64, f64), f64) -> (f64, f64),
        f64,
    );
    fn at_x(a: &(f64, f64), b: &(f64, f64), x: f64) -> (f64, f64) {
        (x, a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0))
    }
    fn at_y(a: &(f64, f64), b: &(f64, f64), y: f64) -> (f64, f64) {
        (a.0 + (b.0 - a.0) * (y - a.1) / (b.1 - a.1), y)
    }
    let edges: [Edge; 4] = [
        (|p, v| p.0 >= v, at_x, 0.0),
        (|p, v| p.0 <= v, at_x, width),
        (|p, v| p.1 >= v, at_y, 0.0),
        (|p, v| p.1 <= v, at_y, height),
    ];
    let mut points: Ring = ring.to_vec();
    for (inside, cross, v) in edges {
        if points.is_empty() {
            break;
        }
        let input = std::mem::take(&mut points);
        let mut prev = *input.last().expect("not empty");
        for &p in &input {
            match (inside(&p, v), inside(&prev, v)) {
                (true, true) => points.push(p),
                (true, false) => {
                    points.push(cross(&prev, &p, v));
                    points.push(p);
                }
                (false, true) => points.push(cross(&prev, &p, v)),
                (false, false) => {}
            }
            prev = p;
        }
    }
    points
}

/// Drops points closer than half a map unit to the last kept one.
fn simplify(ring: Ring) -> Ring {
    let mut out: Ring = Vec::with_capacity(ring.len());
    for p in ring {
        if out
            .last()
            .is_none_or(|q: &(f64, f64)| (p.0 - q.0).hypot(p.1 - q.1) >= 0.5)
        {
            out.push(p);
        }
    }
    out
}

/// The ring's area and centroid (shoelace formula); the mean of the points for a degenerate ring.
fn area_and_centre(ring: &[(f64, f64)]) -> (f64, (f64, f64)) {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for i in 0..ring.len() {
        let (p, q) = (ring[i], ring[(i + 1) % ring.len()]);
        let cross = p.0 * q.1 - q.0 * p.1;
        a += cross;
        cx += (p.0 + q.0) * cross;
        cy += (p.1 + q.1) * cross;
    }
    if a.abs() < 1e-9 {
        let n = ring.len() as f64;
        return (
            0.0,
            (
                ring.iter().map(|p| p.0).sum::<f64>() / n,
                ring.iter().map(|p| p.1).sum::<f64>() / n,
            ),
        );
    }
    (a.abs() / 2.0, (cx / (3.0 * a), cy / (3.0 * a)))
}

impl Basemap {
    /// The base map as JSON for the page; `source` says where the topology came from.
    pub fn to_json(&self, source: &str) -> String {
        let b = self.bbox;
        let mut out = format!(
            "{{\n  \"source\": {},\n  \"bbox\": [{}, {}, {}, {}],\n  \"width\": {WIDTH},\n  \"height\": {:.1},\n  \"kx\": {},\n  \"ky\": {},\n  \"countries\": [",
            json::quote(source),
            b.west,
            b.south,
            b.east,
            b.north,
            self.height,
            self.kx,
            self.ky
        );
        for (i, c) in self.countries.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str(&format!(
                "    {{ \"id\": {}, \"name\": {}, \"label\": [{:.1}, {:.1}], \"area\": {:.0}, \"d\": {} }}",
                json::quote(&c.id),
                json::quote(&c.name),
                c.label.0,
                c.label.1,
                c.area,
                json::quote(&c.path)
            ));
        }
        out.push_str("\n  ]\n}\n");
        out
    }
}

pub fn command(args: &[String]) -> ExitCode {
    let (mut input, mut bbox, mut output) = (None, None, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--bbox" => bbox = rest.next(),
            "-o" | "--output" => output = rest.next(),
            _ if input.is_none() => input = Some(arg),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(input), Some(bbox)) = (input, bbox) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let made = BoundingBox::parse(bbox)
        .map_err(|e| format!("--bbox {bbox}: {e}"))
        .and_then(|bbox| {
            let bytes = read_file(input)?;
            let text = String::from_utf8(bytes).map_err(|_| format!("{input}: not UTF-8 text"))?;
            derive(&text, bbox).map_err(|e| format!("{input}: {e}"))
        });
    let map = match made {
        Ok(map) => map,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let name = std::path::Path::new(input)
        .file_name()
        .map_or(input.clone(), |n| n.to_string_lossy().to_string());
    let json = map.to_json(&format!(
        "Natural Earth (public domain), from {name}, cut to {bbox} by dateline basemap"
    ));
    emit(output, &json, || {
        let n = map.countries.len();
        format!("{n} {}", plural(n, "country", "countries"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two squares side by side sharing an arc, the second half outside the box.
    const TOPOLOGY: &str = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
      "objects":{"countries":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","arcs":[[0,1]],"id":"1","properties":{"name":"West"}},
        {"type":"Polygon","arcs":[[-1,2]],"id":"2","properties":{"name":"East"}},
        {"type":"Polygon","arcs":[[3]],"id":"3","properties":{"name":"Far"}}]}},
      "arcs":[[[10,0],[0,10]],[[10,10],[-10,0],[0,-10],[10,0]],[[10,0],[10,0],[0,10],[-10,0]],[[50,50],[1,0],[0,1],[-1,0]]]}"#;

    #[test]
    fn derives_clipped_projected_countries() {
        let bbox = BoundingBox {
            west: 0.0,
            south: 0.0,
            east: 15.0,
            north: 10.0,
        };
        let map = derive(TOPOLOGY, bbox).unwrap();
        let names: Vec<&str> = map.countries.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            ["West", "East"],
            "countries outside the box are left out"
        );
        let kx = WIDTH / 15.0;
        assert!((map.kx - kx).abs() < 1e-9);
        assert!((map.ky - kx / 5f64.to_radians().cos()).abs() < 1e-9);
        // East spans longitudes 10-20 and is clipped at 15: its label sits in the kept half.
        let east = &map.countries[1];
        assert!(
            east.label.0 > 10.0 * kx && east.label.0 < 15.0 * kx,
            "{:?}",
            east.label
        );
        assert!(east.path.starts_with('M') && east.path.ends_with('Z'));
        let json = map.to_json("test");
        assert!(json::parse(&json).problems.is_empty());
    }

    #[test]
    fn clipping_keeps_the_part_inside() {
        let square = vec![(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)];
        let clipped = clip(&square, 10.0, 10.0);
        let (area, _) = area_and_centre(&clipped);
        assert!((area - 25.0).abs() < 1e-9);
        assert!(clip(&[(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], 10.0, 10.0).is_empty());
    }

    #[test]
    fn bounding_boxes_are_checked() {
        assert!(BoundingBox::parse("30,20,62,44").is_ok());
        assert!(BoundingBox::parse("30,20,62").is_err());
        assert!(BoundingBox::parse("62,20,30,44").is_err());
        assert!(BoundingBox::parse("30,x,62,44").is_err());
    }
}
