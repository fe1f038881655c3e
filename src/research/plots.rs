//! Charts as SVG strings (plotters), rendered on the server so the dashboard
//! needs no JavaScript. Withheld (suppressed) values are gaps, never zeros.
//! Every chart carries a title for screen readers; the dashboard also shows
//! the numbers as tables.

use plotters::prelude::*;

/// Chart colours with enough contrast on white.
pub const PALETTE: [RGBColor; 5] =
    [RGBColor(11, 79, 138), RGBColor(179, 89, 0), RGBColor(46, 125, 50), RGBColor(106, 27, 154), RGBColor(68, 68, 68)];

const WIDTH: u32 = 760;
const HEIGHT: u32 = 300;

/// A named series of values over the x positions 0..n (`None` = withheld).
pub struct Series<'a> {
    /// Legend name.
    pub name: &'a str,
    /// One value per x position.
    pub values: Vec<Option<f64>>,
}

/// A vertical marker (a change of list, content or weights; an intervention).
pub struct Marker {
    /// Position on the x axis (fractional positions fall between buckets).
    pub x: f64,
    /// What it marks.
    pub label: String,
}

fn accessible(svg: String, title: &str) -> String {
    let title = title.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    svg.replacen("<svg ", &format!("<svg role=\"img\" aria-label=\"{title}\" "), 1).replacen(
        '>',
        &format!("><title>{title}</title>"),
        1,
    )
}

fn max_of<'a>(values: impl Iterator<Item = &'a Option<f64>>) -> f64 {
    values.flatten().copied().fold(0.0, f64::max)
}

/// A line chart of `series` over buckets labelled by `labels`, with
/// `markers`, and optionally a fitted line (drawn dashed).
pub fn lines(
    title: &str,
    y_label: &str,
    labels: &[String],
    series: &[Series<'_>],
    markers: &[Marker],
    fitted: Option<&[Option<f64>]>,
) -> String {
    let n = labels.len().max(1);
    let top = {
        let highest = series.iter().map(|s| max_of(s.values.iter())).fold(0.0, f64::max);
        let fit = fitted.map_or(0.0, |f| max_of(f.iter()));
        (highest.max(fit) * 1.15).max(1e-9)
    };
    framed(title, n, top, |chart| {
        let step = (n / 8).max(1);
        let _ = chart
            .configure_mesh()
            .light_line_style(RGBColor(235, 235, 235))
            .x_labels(n)
            .x_label_formatter(&|x| {
                let i = x.round();
                if i < 0.0 || (i as usize) >= labels.len() || (i as usize) % step != 0 {
                    String::new()
                } else {
                    labels[i as usize].clone()
                }
            })
            .y_desc(y_label)
            .draw();
        for marker in markers {
            let _ = chart.draw_series(LineSeries::new(
                [(marker.x, 0.0), (marker.x, top)],
                ShapeStyle::from(&PALETTE[4]).stroke_width(1),
            ));
            let _ = chart.draw_series(std::iter::once(Text::new(
                marker.label.clone(),
                (marker.x, top * 0.97),
                ("sans-serif", 12).into_font().color(&PALETTE[4]),
            )));
        }
        for (i, s) in series.iter().enumerate() {
            let colour = PALETTE[i % PALETTE.len()];
            // Contiguous runs of published values; withheld values break the line.
            let mut run: Vec<(f64, f64)> = Vec::new();
            let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
            for (x, v) in s.values.iter().enumerate() {
                match v {
                    Some(v) => run.push((x as f64, *v)),
                    None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
                    None => {}
                }
            }
            if !run.is_empty() {
                runs.push(run);
            }
            for (r, points) in runs.iter().enumerate() {
                let drawn = chart
                    .draw_series(LineSeries::new(points.iter().copied(), ShapeStyle::from(&colour).stroke_width(2)));
                if r == 0 {
                    if let Ok(drawn) = drawn {
                        drawn
                            .label(s.name)
                            .legend(move |(x, y)| PathElement::new([(x, y), (x + 16, y)], colour.stroke_width(2)));
                    }
                }
                let _ = chart.draw_series(points.iter().map(|&(x, y)| Circle::new((x, y), 2, colour.filled())));
            }
        }
        if let Some(fitted) = fitted {
            let points: Vec<(f64, f64)> =
                fitted.iter().enumerate().filter_map(|(x, v)| v.map(|v| (x as f64, v))).collect();
            if let Ok(drawn) =
                chart.draw_series(DashedLineSeries::new(points, 6, 4, ShapeStyle::from(&PALETTE[1]).stroke_width(2)))
            {
                drawn
                    .label("fitted (segmented regression)")
                    .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], PALETTE[1].stroke_width(2)));
            }
        }
        let _ = chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.9))
            .border_style(RGBColor(200, 200, 200))
            .draw();
    })
}

/// Vertical bars (the funnel), one per label (`None` = withheld, drawn empty).
pub fn bars(title: &str, y_label: &str, bars: &[(String, Option<f64>)]) -> String {
    let labels: Vec<&str> = bars.iter().map(|(label, _)| label.as_str()).collect();
    let top = (max_of(bars.iter().map(|(_, v)| v)) * 1.15).max(1e-9);
    categorical(title, y_label, &labels, top, |chart| {
        let _ = chart.draw_series(bars.iter().enumerate().filter_map(|(i, (_, v))| {
            v.map(|v| Rectangle::new([(i as f64 - 0.3, 0.0), (i as f64 + 0.3, v)], PALETTE[0].filled()))
        }));
    })
}

/// Estimates with 95% intervals, one per label (dots with error bars).
pub fn intervals(title: &str, y_label: &str, rows: &[(String, f64, f64, f64)]) -> String {
    let labels: Vec<&str> = rows.iter().map(|row| row.0.as_str()).collect();
    let top = (rows.iter().map(|r| r.3).fold(0.0, f64::max) * 1.15).clamp(1e-9, 1.0);
    categorical(title, y_label, &labels, top, |chart| {
        for (i, (_, estimate, low, high)) in rows.iter().enumerate() {
            let x = i as f64;
            let style = ShapeStyle::from(&PALETTE[0]).stroke_width(2);
            let _ = chart.draw_series(LineSeries::new([(x, *low), (x, *high)], style));
            let _ = chart.draw_series(LineSeries::new([(x - 0.08, *low), (x + 0.08, *low)], style));
            let _ = chart.draw_series(LineSeries::new([(x - 0.08, *high), (x + 0.08, *high)], style));
            let _ = chart.draw_series(std::iter::once(Circle::new((x, *estimate), 4, PALETTE[0].filled())));
        }
    })
}

/// The chart `framed` hands to its drawing function.
type Chart<'a, 'b> = ChartContext<
    'a,
    SVGBackend<'b>,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// A chart with one labelled slot per category on the x axis and values from
/// 0 to `top`; `draw` puts the marks in it.
fn categorical(title: &str, y_label: &str, labels: &[&str], top: f64, draw: impl FnOnce(&mut Chart<'_, '_>)) -> String {
    let n = labels.len().max(1);
    framed(title, n, top, |chart| {
        let _ = chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(RGBColor(235, 235, 235))
            .x_labels(n)
            .x_label_formatter(&|x| {
                let i = x.round();
                if i >= 0.0 && (i as usize) < labels.len() && (x - i).abs() < 0.01 {
                    labels[i as usize].to_string()
                } else {
                    String::new()
                }
            })
            .y_desc(y_label)
            .draw();
        draw(chart);
    })
}

/// An accessible SVG chart titled `title` with `n` slots on the x axis
/// (centred on 0..n−1) and values from 0 to `top`; `draw` configures the
/// mesh and puts the marks in it.
fn framed(title: &str, n: usize, top: f64, draw: impl for<'a> FnOnce(&mut Chart<'a, 'a>)) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let Ok(mut chart) = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(34)
            .y_label_area_size(56)
            .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..top)
        else {
            return String::new();
        };
        draw(&mut chart);
        let _ = root.present();
    }
    accessible(out, title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_titled_svg_with_gaps_for_withheld_values() {
        let labels: Vec<String> = (1..=5).map(|d| format!("11-0{d}")).collect();
        let svg = lines(
            "Checks & hits",
            "per day",
            &labels,
            &[Series { name: "checks", values: vec![Some(10.0), Some(12.0), None, Some(9.0), Some(11.0)] }],
            &[Marker { x: 2.5, label: "list v2".into() }],
            None,
        );
        assert!(svg.starts_with("<svg role=\"img\" aria-label=\"Checks &amp; hits\""));
        assert!(svg.contains("<title>Checks &amp; hits</title>"));
        assert!(svg.contains("list v2"));
        let series_lines = svg.lines().filter(|l| l.starts_with("<polyline") && l.contains("#0B4F8A")).count();
        assert_eq!(series_lines, 3, "two runs around the withheld value, and the legend's sample");
        let funnel = bars("Funnel", "count", &[("shown".into(), Some(100.0)), ("clicks".into(), None)]);
        assert_eq!(funnel.matches("<rect").count(), 2, "the background and one bar; the withheld bar is not drawn");
        let ci = intervals("Turn-back", "share", &[("a".into(), 0.8, 0.7, 0.9)]);
        assert!(ci.contains("<circle"));
    }
}
