//! A small element tree over quick-xml for the GraphML and GEXF readers: elements by
//! local name (namespace prefixes dropped, so `viz:color` is `color`), attributes
//! unescaped and normalised as XML 1.0 says, text with entity and character references
//! resolved, and the line each element starts on (for error messages).

use super::ParseError;
use quick_xml::events::{BytesStart, Event};

/// An element.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
    pub line: usize,
}

impl Element {
    /// The value of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of attribute `name`, or an error naming the element.
    pub fn required(&self, name: &str) -> Result<&str, ParseError> {
        self.attr(name).ok_or_else(|| {
            ParseError::at(
                self.line,
                format!("<{}> has no {name} attribute", self.name),
            )
        })
    }

    /// The children called `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The first child called `name`.
    pub fn first(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }
}

/// 1-based line of byte offsets, from the positions of the line breaks.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Self {
        Lines(memchr::memchr_iter(b'\n', text.as_bytes()).collect())
    }
    fn of(&self, offset: u64) -> usize {
        self.0.partition_point(|&nl| (nl as u64) < offset) + 1
    }
}

fn local(name: &[u8]) -> String {
    let local = match name.iter().rposition(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    };
    String::from_utf8_lossy(local).into_owned()
}

fn element(e: &BytesStart, line: usize) -> Result<Element, ParseError> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| ParseError::at(line, format!("bad attribute: {err}")))?;
        let key = a.key.as_ref();
        if key == b"xmlns" || key.starts_with(b"xmlns:") {
            continue;
        }
        let value = a
            .normalized_value(quick_xml::XmlVersion::Explicit1_0)
            .map_err(|err| ParseError::at(line, format!("bad attribute value: {err}")))?;
        attrs.push((local(key), value.into_owned()));
    }
    Ok(Element {
        name: local(e.name().as_ref()),
        attrs,
        line,
        ..Default::default()
    })
}

/// The element being read.
fn top(stack: &mut [Element], line: usize) -> Result<&mut Element, ParseError> {
    stack
        .last_mut()
        .ok_or_else(|| ParseError::at(line, "text outside the document element"))
}

/// Parses `text` into its root element.
pub fn parse(text: &str) -> Result<Element, ParseError> {
    let lines = Lines::new(text);
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let start = reader.buffer_position();
        let line = lines.of(start);
        let event = reader.read_event().map_err(|e| {
            ParseError::at(
                lines.of(reader.error_position()),
                format!("not well-formed XML: {e}"),
            )
        })?;
        match event {
            Event::Start(e) => stack.push(element(&e, line)?),
            Event::Empty(e) => {
                let el = element(&e, line)?;
                top(&mut stack, line)?.children.push(el);
            }
            Event::End(_) => {
                let el = stack
                    .pop()
                    .filter(|_| !stack.is_empty())
                    .ok_or_else(|| ParseError::at(line, "closing tag without an opening tag"))?;
                top(&mut stack, line)?.children.push(el);
            }
            Event::Text(t) => {
                let s = t
                    .xml10_content()
                    .map_err(|e| ParseError::at(line, e.to_string()))?;
                top(&mut stack, line)?.text.push_str(&s);
            }
            Event::CData(t) => {
                let s = t
                    .xml10_content()
                    .map_err(|e| ParseError::at(line, e.to_string()))?;
                top(&mut stack, line)?.text.push_str(&s);
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = r
                            .decode()
                            .map_err(|e| ParseError::at(line, e.to_string()))?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| {
                                ParseError::at(line, format!("unknown entity &{name};"))
                            })?
                            .to_string()
                    }
                };
                top(&mut stack, line)?.text.push_str(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        let open = stack.last().map(|e| e.name.clone()).unwrap_or_default();
        return Err(ParseError::at(
            lines.0.len() + 1,
            format!("the file ends inside <{open}>"),
        ));
    }
    let mut doc = stack.pop().unwrap_or_default();
    match doc.children.len() {
        0 => Err(ParseError::new("no XML element")),
        _ => Ok(doc.children.remove(0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_lines_and_text() {
        let doc = "<?xml version=\"1.0\"?>\n<a xmlns:v=\"u\" k=\"1 &amp;\n2\">\n  <v:b x=\"&#65;\"/>\n  <c>T &lt; &#x42;<![CDATA[<raw>]]></c>\n</a>\n";
        let a = parse(doc).expect("parses");
        assert_eq!((a.name.as_str(), a.line), ("a", 2));
        assert_eq!(a.attrs, [("k".to_string(), "1 & 2".to_string())]);
        let b = a.first("b").expect("b");
        assert_eq!(
            (b.attr("x"), b.line),
            (Some("A"), 4),
            "after the two-line <a>"
        );
        assert_eq!(a.first("c").expect("c").text, "T < B<raw>");
    }

    #[test]
    fn malformed_xml_has_a_line() {
        let e = parse("<a>\n<b>\n</c>\n</a>").expect_err("mismatched");
        assert_eq!(e.line, Some(3), "{e:?}");
        let e = parse("<a>\n<b>\n").expect_err("unclosed");
        assert!(
            e.message.contains("ends inside") || e.line.is_some(),
            "{e:?}"
        );
        assert!(parse("<a>&nbsp;</a>").is_err(), "undefined entity");
    }
}
